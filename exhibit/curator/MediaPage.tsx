/**
 * The media library: upload images, narration and captions (the server checks the real type and
 * the size, and stores each file once by its content hash), see what is there and copy its path.
 */
import { useId, useState } from 'react';
import { request } from './api.ts';
import { LoadState } from './LoadState.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import type { MediaItem } from './types.ts';
import { useMediaLibrary } from './useCuratorData.ts';
import { useConsoleTitle } from './usePageTitle.ts';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`);

export default function MediaPage() {
  const { t } = useCuratorT();
  useConsoleTitle(t('media.title'));
  const [library, reload] = useMediaLibrary();
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<MediaItem | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      for (const f of Array.from(files)) {
        const res = await request(`/api/curator/media?name=${encodeURIComponent(f.name)}`, {
          method: 'POST',
          raw: f,
          headers: { 'Content-Type': 'application/octet-stream' },
        });
        setLast(((await res.json()) as { media: MediaItem }).media);
      }
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('media.title')}</h1>
      <p className="console-lead">{t('media.lead')}</p>
      <div className="panel">
        <label htmlFor={inputId}>{t('media.choose')}</label>{' '}
        <input
          id={inputId}
          type="file"
          multiple
          disabled={busy}
          accept="image/jpeg,image/png,image/webp,image/gif,audio/mpeg,audio/ogg,audio/wav,audio/mp4,.vtt"
          onChange={(e) => {
            void upload(e.target.files);
            e.target.value = '';
          }}
        />
        <p className="console-note">{t('media.limits')}</p>
        <p role="status" aria-live="polite">
          {busy ? t('media.uploading') : last ? t('media.uploaded', { name: last.name, src: last.src }) : ''}
        </p>
        <ProblemMessage error={error} />
      </div>
      <LoadState state={library} retry={reload}>
        {({ media }) =>
          media.length === 0 ? (
            <p className="console-empty">{t('media.empty')}</p>
          ) : (
            <ul className="media-grid">
              {media.map((m) => (
                <li key={m.hash} className="media-card">
                  {m.kind === 'image' ? (
                    <img src={m.src} alt={t('media.thumbAlt', { name: m.name })} loading="lazy" />
                  ) : (
                    <span className="media-kind">{t(`media.kinds.${m.kind}`)}</span>
                  )}
                  <span className="media-name">{m.name}</span>
                  <span className="console-note">
                    {m.mime} · {size(m.size)}
                  </span>
                  <label>
                    <span className="visually-hidden">{t('media.path', { name: m.name })}</span>
                    <input readOnly value={m.src} onFocus={(e) => e.target.select()} />
                  </label>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}
