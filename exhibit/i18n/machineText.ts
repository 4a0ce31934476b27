/**
 * Which content on the current page was machine-converted. Every ContentGate reports its answer;
 * the layout shows one note for the whole page instead of one per request.
 */
import { createContext, useCallback, useContext, useEffect, useId, useState } from 'react';

type Report = (source: string, machineConverted: boolean) => void;

export const MachineTextContext = createContext<Report>(() => {});

/** For the layout: the set of reporting sources, and the function they report with. */
export function useMachineTextRegistry(): [boolean, Report] {
  const [sources, setSources] = useState<ReadonlySet<string>>(() => new Set());
  const report = useCallback<Report>((source, on) => {
    setSources((prev) => {
      if (prev.has(source) === on) return prev;
      const next = new Set(prev);
      if (on) next.add(source);
      else next.delete(source);
      return next;
    });
  }, []);
  return [sources.size > 0, report];
}

/** For content views: says whether what they show was machine-converted, until they unmount. */
export function useReportMachineText(machineConverted: boolean) {
  const report = useContext(MachineTextContext);
  const source = useId();
  useEffect(() => {
    report(source, machineConverted);
    return () => report(source, false);
  }, [report, source, machineConverted]);
}
