/**
 * Preview the draft: makes a preview link (valid 8 hours) and offers it for a browser and for a
 * kiosk. The link sets a cookie in the browser that opens it, so it also works on a kiosk.
 */
import { useState } from 'react';
import { sendJson } from './api.ts';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';

interface Preview {
  token: string;
  expiresAt: string;
}

export function PreviewLinks({ path = '/' }: { path?: string }) {
  const { t } = useCuratorT();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const link = (to: string) => (preview ? `/api/content/preview/enter?${new URLSearchParams({ token: preview.token, to })}` : '#');
  if (!preview) {
    return (
      <>
        <button
          type="button"
          onClick={async () => {
            setError(null);
            try {
              setPreview(await sendJson<Preview>('/api/curator/preview', 'POST'));
            } catch (err) {
              setError(err);
            }
          }}
        >
          {t('preview.make')}
        </button>
        <ProblemMessage error={error} />
      </>
    );
  }
  const kioskPath = `${path}${path.includes('?') ? '&' : '?'}mode=kiosk`;
  return (
    <div className="preview-links">
      <a href={link(path)} target="_blank" rel="noopener" data-testid="preview-web">
        {t('preview.web')}
      </a>
      <a href={link(kioskPath)} target="_blank" rel="noopener" data-testid="preview-kiosk">
        {t('preview.kiosk')}
      </a>
      <p className="console-note">{t('preview.expires', { time: new Date(preview.expiresAt).toLocaleString() })}</p>
      <label className="preview-copy">
        <span>{t('preview.copy')}</span>
        <input readOnly value={`${window.location.origin}${link(kioskPath)}`} onFocus={(e) => e.target.select()} />
      </label>
    </div>
  );
}
