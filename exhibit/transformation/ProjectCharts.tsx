import { useCallback, useMemo } from 'react';
import { formatIsoMonth } from '../app/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { barConfig } from './barConfig.ts';
import { ChartFigure } from './ChartFigure.tsx';
import {
  formatChartAmount,
  investmentByDistrict,
  largestProjects,
  monthIndex,
  type Project,
  projectSpans,
  projectsByDistrict,
  projectsByType,
} from './data.ts';
import { useStoryT } from './strings.ts';

/** How many projects the "largest" chart shows. */
export const LARGEST_COUNT = 10;

interface Props {
  projects: Project[];
  /** The projects the timeline shows (the list's filter applies). */
  timelineProjects: Project[];
  districtName: (id: string) => string;
  typeName: (type: string) => string;
  onDistrict: (id: string) => void;
  onType: (type: string) => void;
  onProject: (id: string) => void;
}

/** Bars grow with their count: about 2.4rem a bar plus room for the axis. */
const barsHeight = (n: number) => `calc(${n} * 2.4rem + 4rem)`;

/** The projects by district, by type, by investment and over time. */
export function ProjectCharts({ projects, timelineProjects, districtName, typeName, onDistrict, onType, onProject }: Props) {
  const t = useStoryT();
  const { language } = useLanguage();
  const unit = t('unit.chart');
  const amount = useCallback((v: number) => formatChartAmount(v, language, unit), [language, unit]);

  const byDistrict = useMemo(() => projectsByDistrict(projects, districtName, language), [projects, districtName, language]);
  const byType = useMemo(() => projectsByType(projects, typeName, language), [projects, typeName, language]);
  const money = useMemo(() => investmentByDistrict(projects, districtName, language), [projects, districtName, language]);
  const largest = useMemo(() => largestProjects(projects, LARGEST_COUNT, language), [projects, language]);
  const spans = useMemo(() => projectSpans(timelineProjects), [timelineProjects]);

  const districtConfig = useMemo(
    () =>
      barConfig({
        labels: byDistrict.map((b) => b.label),
        series: [{ label: t('byDistrict.projects'), data: byDistrict.map((b) => b.value) }],
        horizontal: true,
        onSelect: (i) => onDistrict(byDistrict[i].key),
      }),
    [byDistrict, onDistrict, t],
  );
  const typeConfig = useMemo(
    () =>
      barConfig({
        labels: byType.map((b) => b.label),
        series: [{ label: t('byType.projects'), data: byType.map((b) => b.value), colour: '#0e7490' }],
        horizontal: true,
        onSelect: (i) => onType(byType[i].key),
      }),
    [byType, onType, t],
  );
  const moneyConfig = useMemo(
    () =>
      barConfig({
        labels: money.map((b) => b.label),
        series: [{ label: t('investmentByDistrict.investment', { unit }), data: money.map((b) => b.value), colour: '#a16207' }],
        horizontal: true,
        onSelect: (i) => onDistrict(money[i].key),
        tooltip: (i) => amount(money[i].value),
      }),
    [money, onDistrict, t, unit, amount],
  );
  const largestConfig = useMemo(
    () =>
      barConfig({
        labels: largest.map((b) => b.label),
        series: [{ label: t('largest.investment', { unit }), data: largest.map((b) => b.value), colour: '#475569' }],
        horizontal: true,
        onSelect: (i) => onProject(largest[i].key),
        tooltip: (i) => amount(largest[i].value),
      }),
    [largest, onProject, t, unit, amount],
  );
  const first = spans.length ? Math.min(...spans.map((s) => monthIndex(s.start))) : 0;
  const last = spans.length ? Math.max(...spans.map((s) => monthIndex(s.end) + 1)) : 12;
  const timelineConfig = useMemo(
    () =>
      barConfig({
        labels: spans.map((s) => s.label),
        // A bar from the first day of the start month to the end of the end month.
        series: [{ label: t('timeline.title'), data: spans.map((s): [number, number] => [monthIndex(s.start), monthIndex(s.end) + 1]), colour: '#9a3412' }],
        horizontal: true,
        showLegend: false,
        valueMin: Math.floor(first / 12) * 12,
        valueMax: Math.ceil(last / 12) * 12,
        valueStep: 12,
        valueTick: (v) => (v % 12 === 0 ? String(v / 12) : ''),
        tooltip: (i) => t('project.period', { start: formatIsoMonth(language, spans[i].start), end: formatIsoMonth(language, spans[i].end) }),
        onSelect: (i) => onProject(spans[i].key),
      }),
    [spans, first, last, onProject, t, language],
  );

  const topDistrict = byDistrict[0];
  const topType = byType[0];
  const topMoney = money[0];
  const topProject = largest[0];
  const firstSpan = spans.map((s) => s.start).sort()[0] ?? '';
  const lastSpan =
    spans
      .map((s) => s.end)
      .sort()
      .at(-1) ?? '';

  return (
    <div className="chart-grid">
      <ChartFigure
        name="projects-by-district"
        title={t('byDistrict.title')}
        summary={t('byDistrict.summary', { count: byDistrict.length, top: topDistrict?.label, topCount: topDistrict?.value })}
        hint={t('chart.tapHint')}
        height={barsHeight(byDistrict.length)}
        config={districtConfig}
        columns={[t('byDistrict.district'), t('byDistrict.projects')]}
        rows={byDistrict.map((b) => ({ key: b.key, label: b.label, values: [b.value], onSelect: () => onDistrict(b.key) }))}
      />
      <ChartFigure
        name="projects-by-type"
        title={t('byType.title')}
        summary={t('byType.summary', { top: topType?.label, topCount: topType?.value })}
        hint={t('chart.tapHint')}
        height={barsHeight(byType.length)}
        config={typeConfig}
        columns={[t('byType.type'), t('byType.projects')]}
        rows={byType.map((b) => ({ key: b.key, label: b.label, values: [b.value], onSelect: () => onType(b.key) }))}
      />
      <ChartFigure
        name="investment-by-district"
        title={t('investmentByDistrict.title')}
        summary={t('investmentByDistrict.summary', { unit, top: topMoney?.label, topAmount: topMoney && amount(topMoney.value) })}
        hint={t('chart.tapHint')}
        height={barsHeight(money.length)}
        config={moneyConfig}
        columns={[t('investmentByDistrict.district'), t('investmentByDistrict.investment', { unit })]}
        rows={money.map((b) => ({ key: b.key, label: b.label, values: [b.value], onSelect: () => onDistrict(b.key) }))}
      />
      <ChartFigure
        name="largest-projects"
        title={t('largest.title', { count: largest.length })}
        summary={t('largest.summary', { count: largest.length, unit, top: topProject?.label, topAmount: topProject && amount(topProject.value) })}
        hint={t('chart.tapProjectHint')}
        height={barsHeight(largest.length)}
        config={largestConfig}
        columns={[t('largest.project'), t('largest.investment', { unit })]}
        rows={largest.map((b) => ({ key: b.key, label: b.label, values: [b.value], onSelect: () => onProject(b.key) }))}
      />
      <ChartFigure
        name="project-timeline"
        title={t('timeline.title')}
        summary={t('timeline.summary', {
          count: spans.length,
          first: firstSpan && formatIsoMonth(language, firstSpan),
          last: lastSpan && formatIsoMonth(language, lastSpan),
        })}
        hint={t('chart.tapProjectHint')}
        height={barsHeight(Math.max(1, spans.length) * 0.55)}
        config={timelineConfig}
        columns={[t('timeline.project'), t('timeline.start'), t('timeline.end')]}
        rows={spans.map((s) => ({
          key: s.key,
          label: s.label,
          values: [monthIndex(s.start), monthIndex(s.end) + 1],
          display: [formatIsoMonth(language, s.start), formatIsoMonth(language, s.end)],
          onSelect: () => onProject(s.key),
        }))}
      />
    </div>
  );
}
