import { type ChangeEvent, useEffect, useId, useState } from 'react';
import type { Locale } from '../../content/schema.ts';
import { loadedAudioService } from './audioLifecycle.ts';
import { type Caption, captionAt, loadCaptions } from './captions.ts';
import { NarrationTranscript } from './NarrationTranscript.tsx';
import type { NarrationEntry } from './narrationManifest.ts';
import { useAudioT } from './strings.ts';
import { formatClock, useAudioService, useNarrationPosition, useNarrationState } from './useNarration.ts';

interface Props {
  narrationId: string;
  entry: NarrationEntry;
  lang: Locale;
  headingLevel: 2 | 3;
}

/** Controls, captions and transcript for one narration. */
export function NarrationPanel({ narrationId, entry, lang, headingLevel }: Props) {
  const t = useAudioT();
  const headingId = useId();
  const service = useAudioService();
  const state = useNarrationState(service);
  const [position, showPosition] = useNarrationPosition(service, state);
  const [captions, setCaptions] = useState<Caption[] | 'error' | null>(null);
  const [showCaptions, setShowCaptions] = useState(true);

  useEffect(() => {
    let live = true;
    loadCaptions(entry.captions).then(
      (c) => live && setCaptions(c),
      () => live && setCaptions('error'),
    );
    return () => {
      live = false;
    };
  }, [entry.captions]);

  // Leaving the page, or switching language, silences this narration.
  useEffect(() => () => loadedAudioService()?.stopIf(narrationId), [narrationId]);

  const mine = state.id === narrationId;
  const status = mine ? state.status : 'idle';
  const playing = status === 'playing' || status === 'loading';
  const duration = (mine && state.duration) || entry.duration;
  const time = mine ? position : 0;
  const cues = Array.isArray(captions) ? captions : [];
  const caption = mine ? captionAt(cues, time) : null;

  const play = () => service?.play({ id: narrationId, src: entry.audio });
  const onPlayPause = () => {
    if (!service) return;
    if (mine && playing) service.pause();
    else play();
  };
  const seek = (seconds: number) => {
    service?.seek(seconds);
    showPosition(seconds);
  };
  const playFrom = (seconds: number) => {
    if (!service) return;
    if (!mine) play();
    seek(seconds);
    if (mine && !playing) play();
  };
  const onSeek = (e: ChangeEvent<HTMLInputElement>) => seek(Number(e.target.value));
  const onVolume = (e: ChangeEvent<HTMLInputElement>) => {
    service?.setVolume(Number(e.target.value) / 100);
    if (state.muted) service?.setMuted(false);
  };
  const Heading = `h${headingLevel}` as const;
  const positionText = t('positionText', { current: formatClock(time), total: formatClock(duration) });

  return (
    <section className="narration" aria-labelledby={headingId} data-narration-id={narrationId} data-status={status}>
      <div className="narration-head">
        <Heading id={headingId} className="narration-title">
          {t('heading')}
        </Heading>
        <p className="narration-voice">{entry.voice === 'recorded' ? t('voiceRecorded') : t('voiceSynthesized')}</p>
      </div>

      <div className="narration-controls">
        <button type="button" className="narration-play" onClick={onPlayPause} disabled={!service} aria-label={playing ? t('pauseLabel') : t('playLabel')}>
          <span className={playing ? 'icon-pause' : 'icon-play'} aria-hidden="true" />
          <span>{playing ? t('pause') : t('play')}</span>
        </button>

        <label className="narration-seek">
          <span className="visually-hidden">{t('position')}</span>
          <input
            type="range"
            min={0}
            max={Math.max(1, Math.ceil(duration))}
            step={0.5}
            value={Math.min(time, duration)}
            onChange={onSeek}
            disabled={!mine}
            aria-valuetext={positionText}
          />
        </label>
        <span className="narration-time" aria-hidden="true">
          {formatClock(time)} / {formatClock(duration)}
        </span>

        <div className="narration-sound">
          <button type="button" className="narration-toggle" aria-pressed={state.muted} onClick={() => service?.setMuted(!state.muted)} disabled={!service}>
            {t('mute')}
          </button>
          <label className="narration-volume">
            <span>{t('volume')}</span>
            <input type="range" min={0} max={100} step={5} value={Math.round(state.volume * 100)} onChange={onVolume} disabled={!service} />
          </label>
          <button type="button" className="narration-toggle" aria-pressed={showCaptions} onClick={() => setShowCaptions((v) => !v)}>
            {t('captions')}
          </button>
        </div>
      </div>

      {mine && status === 'loading' && <p className="narration-status">{t('loading')}</p>}
      {mine && state.error && (
        <p className="narration-status narration-error" role="status">
          {state.error === 'blocked' ? t('blocked') : t('loadError')}
        </p>
      )}

      {/* Visitors read along while it plays; screen readers find the text here without hearing it twice. */}
      <section
        className="narration-caption"
        aria-label={t('captionsRegion')}
        aria-live="off"
        lang={lang}
        hidden={!showCaptions || !mine}
        data-testid="narration-caption"
      >
        {caption?.text ?? ''}
      </section>

      {captions === 'error' ? (
        <p className="narration-status">{t('captionsError')}</p>
      ) : (
        <NarrationTranscript captions={cues} current={caption} lang={lang} onPlayFrom={playFrom} />
      )}
    </section>
  );
}
