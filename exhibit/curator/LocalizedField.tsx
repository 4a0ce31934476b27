/**
 * A text in three languages, side by side. zh-Hant may stay empty (the server then converts it
 * from zh-Hans with OpenCC and marks it machine-converted); "Fill Traditional from Simplified"
 * converts here, so the curator can read and correct it before publishing.
 */
import { useState } from 'react';
import { LANGUAGE_NAMES } from '../i18n/detect.ts';
import type { FieldProps } from './FieldEditor.tsx';
import { FieldErrors, useErrorProps } from './FieldErrors.tsx';
import { fieldId } from './FormContext.ts';
import { formatPath, isLongText, LOCALES } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';
import { toTraditional } from './traditional.ts';

type Text = Partial<Record<(typeof LOCALES)[number], string>>;

function LanguageInput({
  path,
  lang,
  value,
  long,
  onChange,
  placeholder,
}: {
  path: string;
  lang: (typeof LOCALES)[number];
  value: string;
  long: boolean;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  const p = `${path}.${lang}`;
  const id = fieldId(p);
  const errorProps = useErrorProps(p);
  return (
    <div className="lang-column">
      <label htmlFor={id} lang={lang}>
        {LANGUAGE_NAMES[lang]}
      </label>
      {long ? (
        <textarea id={id} lang={lang} rows={5} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} {...errorProps} />
      ) : (
        <input id={id} lang={lang} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} {...errorProps} />
      )}
      <FieldErrors path={p} />
    </div>
  );
}

export function LocalizedField({ value, onChange, path, label, required }: FieldProps) {
  const { t } = useCuratorT();
  const [busy, setBusy] = useState(false);
  const p = formatPath(path);
  const text = (value && typeof value === 'object' ? value : undefined) as Text | undefined;
  const long = isLongText(path[path.length - 1]) || (text?.['zh-Hans']?.length ?? 0) > 60 || (text?.en?.length ?? 0) > 120;

  if (!text) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>{' '}
        <button type="button" onClick={() => onChange({ 'zh-Hans': '', en: '' })}>
          {t('form.add', { name: label })}
        </button>
      </div>
    );
  }
  const set = (lang: (typeof LOCALES)[number], v: string) => {
    const next: Text = { ...text, [lang]: v };
    if (lang === 'zh-Hant' && v === '') delete next['zh-Hant'];
    // Keep the file's key order: zh-Hans, zh-Hant, en.
    onChange(Object.fromEntries(LOCALES.filter((l) => next[l] !== undefined).map((l) => [l, next[l]])));
  };
  const fill = async () => {
    if (!text['zh-Hans']) return;
    setBusy(true);
    try {
      set('zh-Hant', await toTraditional(text['zh-Hans']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="field localized">
      <legend>
        {label}
        {required && <span className="required"> *</span>}
      </legend>
      <div className="lang-row">
        <LanguageInput path={p} lang="zh-Hans" value={text['zh-Hans'] ?? ''} long={long} onChange={(v) => set('zh-Hans', v)} />
        <LanguageInput path={p} lang="zh-Hant" value={text['zh-Hant'] ?? ''} long={long} onChange={(v) => set('zh-Hant', v)} placeholder={t('form.hantAuto')} />
        <LanguageInput path={p} lang="en" value={text.en ?? ''} long={long} onChange={(v) => set('en', v)} />
      </div>
      <div className="field-actions">
        <button type="button" onClick={() => void fill()} disabled={busy || !text['zh-Hans']}>
          {busy ? t('form.converting') : t('form.fillHant')}
        </button>
        {!required && (
          <button type="button" onClick={() => onChange(undefined)}>
            {t('form.remove', { name: label })}
          </button>
        )}
      </div>
      <FieldErrors path={p} />
    </fieldset>
  );
}
