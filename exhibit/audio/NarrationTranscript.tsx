import type { Locale } from '../../content/schema.ts';
import type { Caption } from './captions.ts';
import { useAudioT } from './strings.ts';
import { formatClock } from './useNarration.ts';

/** The whole narration as text; each sentence can start playback from there. */
export function NarrationTranscript({
  captions,
  current,
  lang,
  onPlayFrom,
}: {
  captions: Caption[];
  current: Caption | null;
  lang: Locale;
  onPlayFrom: (seconds: number) => void;
}) {
  const t = useAudioT();
  if (!captions.length) return null;
  return (
    <details className="narration-transcript">
      <summary>{t('transcript')}</summary>
      <ol lang={lang}>
        {captions.map((c) => (
          <li key={`${c.start}-${c.text}`} aria-current={c === current ? 'true' : undefined}>
            <button type="button" className="transcript-time" onClick={() => onPlayFrom(c.start)} aria-label={t('jumpTo', { time: formatClock(c.start) })}>
              {formatClock(c.start)}
            </button>
            <span>{c.text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
