/**
 * A media file: pick an upload from the library (only files of the right kind), upload a new one,
 * or type a path under assets/. Images are shown, audio can be played.
 */
import { useId, useState } from 'react';
import type { FieldProps } from './FieldEditor.tsx';
import { FieldErrors, useErrorProps } from './FieldErrors.tsx';
import { fieldId, useForm } from './FormContext.ts';
import { ProblemMessage } from './ProblemMessage.tsx';
import { formatPath } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';

export function MediaSrcField({ value, onChange, path, label, required }: FieldProps & { kind?: string }) {
  const { t } = useCuratorT();
  const { media, upload } = useForm();
  const p = formatPath(path);
  const id = fieldId(p);
  const pickId = useId();
  const fileId = useId();
  const errorProps = useErrorProps(p);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const src = typeof value === 'string' ? value : '';
  const wanted = path.includes('captions') ? 'captions' : undefined;
  const choices = media.filter((m) => !wanted || m.kind === wanted);
  const current = media.find((m) => m.src === src);

  return (
    <div className="field media-field">
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> *</span>}
      </label>
      <input id={id} value={src} onChange={(e) => onChange(e.target.value)} {...errorProps} />
      <div className="media-pick">
        <label htmlFor={pickId}>{t('media.pick')}</label>
        <select id={pickId} value={current ? src : ''} onChange={(e) => e.target.value && onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {choices.map((m) => (
            <option key={m.hash} value={m.src}>
              {m.name} ({m.kind})
            </option>
          ))}
        </select>
        <label htmlFor={fileId} className="button-like">
          {busy ? t('media.uploading') : t('media.uploadNew')}
        </label>
        <input
          id={fileId}
          type="file"
          className="visually-hidden"
          accept={wanted === 'captions' ? '.vtt,text/vtt' : 'image/jpeg,image/png,image/webp,image/gif,audio/mpeg,audio/ogg,audio/wav,audio/mp4,.vtt'}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setBusy(true);
            setError(null);
            try {
              onChange(await upload(file));
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        />
      </div>
      {current?.kind === 'image' && <img className="media-thumb" src={current.src} alt={t('media.thumbAlt', { name: current.name })} />}
      {current?.kind === 'audio' && (
        // biome-ignore lint/a11y/useMediaCaption: a curator's check of an upload; captions are edited beside it
        <audio controls preload="none" src={current.src} />
      )}
      <ProblemMessage error={error} />
      <FieldErrors path={p} />
    </div>
  );
}
