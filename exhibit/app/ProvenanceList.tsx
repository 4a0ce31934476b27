import { useTranslation } from 'react-i18next';
import type { Source } from '../../content/schema.ts';
import { useKioskMode } from './KioskMode.tsx';

/** Where the facts on a page come from: a seed document and section, or a public reference. */
export function ProvenanceList({ sources }: { sources: Source[] }) {
  const { t } = useTranslation();
  const kiosk = useKioskMode();
  return (
    <ul className="sources">
      {sources.map((s) => {
        if (s.kind === 'seed') {
          return <li key={`${s.file}|${s.section}`}>{t('site.seedSource', { file: s.file, section: s.section })}</li>;
        }
        const label = [s.title, s.publisher].filter(Boolean).join(' · ');
        return (
          <li key={`${s.title}|${s.url ?? ''}`}>
            {/* Kiosks have no address bar and must not wander off to other sites. */}
            {s.url && !kiosk ? (
              <a href={s.url} rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              label
            )}
            {s.note && <span className="source-note"> — {s.note}</span>}
          </li>
        );
      })}
    </ul>
  );
}
