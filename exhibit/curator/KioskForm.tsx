/**
 * Register a kiosk or change one: where it stands (the hall, from the published content), what it
 * starts on, its language, its timers and its screen (touch targets are sized from the screen).
 */
import { type FormEvent, useState } from 'react';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/detect.ts';
import { AdminField } from './AdminField.tsx';
import { fieldProblems } from './fieldProblems.ts';
import { type KioskFormValues, LIMITS } from './kioskForm.ts';
import { useCuratorT } from './strings.ts';
import { type HallChoice, inLanguage } from './useAdminData.ts';

export interface ExhibitChoice {
  path: string;
  label: string;
}

export function KioskForm({
  mode,
  initial,
  halls,
  exhibits,
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  mode: 'create' | 'edit';
  initial: KioskFormValues;
  halls: HallChoice[];
  exhibits: ExhibitChoice[];
  error: unknown;
  busy: boolean;
  onSubmit: (values: KioskFormValues) => void;
  onCancel?: () => void;
}) {
  const { t, language } = useCuratorT();
  const [v, setV] = useState<KioskFormValues>(initial);
  const set = (field: keyof KioskFormValues) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [field]: e.target.value }));
  const p = (path: string) => fieldProblems(error, path);
  const range = (r: { min: number; max: number }, unit: string) => t('kiosks.range', { min: r.min, max: r.max, unit: t(`kiosks.units.${unit}`) });
  const prefix = `kiosk-${mode}`;

  // Halls grouped by museum, in the content's order.
  const museums: { name: string; halls: HallChoice[] }[] = [];
  for (const h of halls) {
    const name = inLanguage(h.museumName, language) ?? h.id.split('/')[0];
    const group = museums.find((m) => m.name === name);
    if (group) group.halls.push(h);
    else museums.push({ name, halls: [h] });
  }
  const hallKnown = v.hallId === '' || halls.some((h) => h.id === v.hallId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v);
  };

  const number = (field: 'idleTimeoutSeconds' | 'promptSeconds' | 'heartbeatIntervalSeconds', unit: string, hint: string) => (
    <AdminField id={`${prefix}-${field}`} label={t(`kiosks.fields.${field}`)} hint={`${hint} ${range(LIMITS[field], unit)}`} problems={p(field)}>
      {(input) => (
        <input {...input} type="number" inputMode="numeric" min={LIMITS[field].min} max={LIMITS[field].max} step={1} value={v[field]} onChange={set(field)} />
      )}
    </AdminField>
  );

  return (
    <form onSubmit={submit} className="console-form kiosk-form" noValidate>
      {mode === 'create' ? (
        <AdminField id={`${prefix}-id`} label={t('kiosks.fields.id')} hint={t('kiosks.hints.id')} problems={p('id')}>
          {(input) => <input {...input} required autoComplete="off" spellCheck={false} value={v.id} onChange={set('id')} />}
        </AdminField>
      ) : (
        <p>
          {t('kiosks.fields.id')}: <code>{v.id}</code>
        </p>
      )}
      <AdminField id={`${prefix}-name`} label={t('kiosks.fields.name')} hint={t('kiosks.hints.name')} problems={p('name')}>
        {(input) => <input {...input} autoComplete="off" value={v.name} onChange={set('name')} />}
      </AdminField>
      <AdminField id={`${prefix}-hall`} label={t('kiosks.fields.hallId')} hint={t('kiosks.hints.hallId')} problems={p('hallId')}>
        {(input) => (
          <select {...input} value={v.hallId} onChange={set('hallId')}>
            <option value="">{t('kiosks.noHall')}</option>
            {!hallKnown && <option value={v.hallId}>{v.hallId}</option>}
            {museums.map((m) => (
              <optgroup key={m.name} label={m.name}>
                {m.halls.map((h) => (
                  <option key={h.id} value={h.id}>
                    {inLanguage(h.name, language) ?? h.id}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </AdminField>
      <AdminField id={`${prefix}-language`} label={t('kiosks.fields.defaultLanguage')} hint={t('kiosks.hints.defaultLanguage')} problems={p('defaultLanguage')}>
        {(input) => (
          <select {...input} value={v.defaultLanguage} onChange={set('defaultLanguage')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </AdminField>
      <AdminField id={`${prefix}-start`} label={t('kiosks.fields.startExhibit')} hint={t('kiosks.hints.startExhibit')} problems={p('startExhibit')}>
        {(input) => (
          <>
            <input {...input} list={`${prefix}-exhibits`} autoComplete="off" spellCheck={false} value={v.startExhibit} onChange={set('startExhibit')} />
            <datalist id={`${prefix}-exhibits`}>
              {exhibits.map((x) => (
                <option key={x.path} value={x.path}>
                  {x.label}
                </option>
              ))}
            </datalist>
          </>
        )}
      </AdminField>
      <div className="field-row">
        {number('idleTimeoutSeconds', 'seconds', t('kiosks.hints.idleTimeoutSeconds'))}
        {number('promptSeconds', 'seconds', t('kiosks.hints.promptSeconds'))}
        {number('heartbeatIntervalSeconds', 'seconds', t('kiosks.hints.heartbeatIntervalSeconds'))}
      </div>
      <fieldset>
        <legend>{t('kiosks.fields.screen')}</legend>
        <p className="console-note">{t('kiosks.hints.screen')}</p>
        <div className="field-row">
          {(
            [
              ['diagonalInches', 'inches'],
              ['widthPx', 'px'],
              ['heightPx', 'px'],
            ] as const
          ).map(([field, unit]) => (
            <AdminField
              key={field}
              id={`${prefix}-${field}`}
              label={t(`kiosks.fields.${field}`)}
              hint={range(LIMITS[field], unit)}
              problems={p(`screen.${field}`)}
            >
              {(input) => (
                <input
                  {...input}
                  type="number"
                  inputMode={field === 'diagonalInches' ? 'decimal' : 'numeric'}
                  min={LIMITS[field].min}
                  max={LIMITS[field].max}
                  step={field === 'diagonalInches' ? 'any' : 1}
                  value={v[field]}
                  onChange={set(field)}
                />
              )}
            </AdminField>
          ))}
        </div>
        {p('screen').length > 0 && (
          <ul className="field-errors">
            {p('screen').map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="row-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {mode === 'create' ? t('kiosks.create') : t('kiosks.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('kiosks.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
