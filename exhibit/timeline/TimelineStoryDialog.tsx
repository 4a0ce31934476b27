/**
 * An event's story (or a year's key projects) in a modal dialog. The native <dialog> keeps focus
 * inside while open and closes on Escape; the timeline gives focus back to the card that opened it.
 */
import { type CSSProperties, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Source } from '../../content/schema.ts';
import { formatIsoMonth, formatYearMonth, paragraphs } from '../app/format.ts';
import { ProvenanceList } from '../app/ProvenanceList.tsx';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import type en from './locales/en.json';
import type { TimelineItem } from './timelineItems.ts';

export function TimelineStoryDialog({ item, siteNames, onClose }: { item: TimelineItem; siteNames: ReadonlyMap<string, string>; onClose: () => void }) {
  const t = useFeatureStrings<typeof en>('timeline');
  const { t: tApp } = useTranslation();
  const { language } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    // No close() on cleanup: its close event would end the dialog that StrictMode re-opens, and
    // an unmounted dialog leaves the top layer anyway.
    if (!el.open) el.showModal();
    heading.current?.focus();
  }, []);

  const sources: Source[] =
    item.kind === 'event'
      ? item.event.provenance
      : [...new Map(item.projects.flatMap((p) => p.provenance).map((s) => [JSON.stringify(s), s] as const)).values()];

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape already closes a modal dialog; a tap on the backdrop is a pointer-only extra
    <dialog
      ref={dialog}
      className="timeline-dialog"
      aria-labelledby="timeline-dialog-title"
      data-testid="timeline-dialog"
      onClose={onClose}
      onClick={(e) => {
        // A tap on the backdrop (outside the dialog's box) closes it.
        if (e.target === e.currentTarget) {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) e.currentTarget.close();
        }
      }}
      style={{ '--era-colour': item.kind === 'event' ? item.colour : '#3f3a34' } as CSSProperties}
    >
      <div className="timeline-dialog-body">
        {item.kind === 'event' ? (
          <>
            <p className="eyebrow">{formatYearMonth(language, item.year, item.month)}</p>
            <h2 id="timeline-dialog-title" ref={heading} tabIndex={-1}>
              {item.event.title}
            </h2>
            {paragraphs(item.event.text).map((p) => (
              <p key={p}>{p}</p>
            ))}
            {item.event.sites.length > 0 && (
              <>
                <h3>{t('dialog.places')}</h3>
                <p className="chips" data-testid="timeline-dialog-sites">
                  {item.event.sites.map((s) => (
                    <Link key={s.id} to={`/sites/${s.id}`} className="chip-link">
                      {s.name}
                    </Link>
                  ))}
                </p>
              </>
            )}
            <p>
              <Link to={`/eras/${item.era.id}#event-${item.event.id}`} className="chip-link era-chip">
                {t('dialog.readEra', { era: item.era.title })}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p className="eyebrow">{item.year}</p>
            <h2 id="timeline-dialog-title" ref={heading} tabIndex={-1}>
              {t('dialog.projectsTitle', { year: item.year })}
            </h2>
            <ul className="plain-list" data-testid="timeline-dialog-projects">
              {item.projects.map((p) => (
                <li key={p.id}>
                  <p className="item-title">
                    <span className="list-number">{p.number}.</span> {p.name}
                  </p>
                  <p className="item-meta">
                    {t('dialog.projectMeta', {
                      place: p.place,
                      type: tApp(`projectType.${p.type}`),
                      period: t('dialog.period', { start: formatIsoMonth(language, p.start), end: formatIsoMonth(language, p.end) }),
                    })}
                  </p>
                  {p.sites.length > 0 && (
                    <p className="chips">
                      {p.sites.map((id) => (
                        <Link key={id} to={`/sites/${id}`} className="chip-link">
                          {siteNames.get(id) ?? id}
                        </Link>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('dialog.sources')}</h3>
        <ProvenanceList sources={sources} />
      </div>
      <form method="dialog" className="timeline-dialog-close">
        <button type="submit" className="button">
          {t('dialog.close')}
        </button>
      </form>
    </dialog>
  );
}
