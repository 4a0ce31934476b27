/**
 * The booking form. Checks what it can before sending (required fields, phone, e-mail, ID numbers),
 * then shows the server's answer next to the field it names (problem+json `errors[].path`). One
 * Idempotency-Key per filled-in form: pressing "Book" again after a network failure can never
 * book twice.
 */
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { track } from '../analytics/index.ts';
import { api, type BookingMuseum, type BookingRequest, newIdempotencyKey, ProblemError, type SlotView, type Ticket } from './api.ts';
import type { VisitFormat } from './format.ts';
import { isValidIdNumber } from './idNumber.ts';
import { useVisitStrings, type VisitT } from './strings.ts';

type Errors = Record<string, string>;

const PHONE = /^(\+86)?1[3-9]\d{9}$|^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const fieldId = (key: string) => `visit-f-${key.replace(/\./g, '-')}`;

interface Values {
  kind: 'individual' | 'group';
  partySize: string;
  name: string;
  phone: string;
  email: string;
  groupName: string;
  groupLeader: string;
  visitors: { name: string; idNumber: string }[];
}

function validate(v: Values, museum: BookingMuseum, today: string, t: VisitT): Errors {
  const e: Errors = {};
  const r = museum.rules;
  const [min, max] = v.kind === 'group' ? [r.groupMinSize, r.groupMaxSize] : [1, r.maxPartySize];
  const n = Number(v.partySize);
  if (!/^\d+$/.test(v.partySize) || n < min || n > max) e.partySize = t('form.errors.partySize', { min, max });
  if (!v.name.trim()) e['contact.name'] = t('form.errors.required');
  const phone = v.phone.replace(/[\s()-]/g, '');
  if (!phone && !v.email.trim()) e['contact.phone'] = t('form.errors.contact');
  else if (phone && !PHONE.test(phone)) e['contact.phone'] = t('form.errors.phone');
  if (v.email.trim() && !EMAIL.test(v.email.trim())) e['contact.email'] = t('form.errors.email');
  if (v.kind === 'group') {
    if (!v.groupName.trim()) e['group.name'] = t('form.errors.required');
    if (!v.groupLeader.trim()) e['group.leader'] = t('form.errors.required');
  }
  if (r.realName) {
    const seen = new Set<string>();
    v.visitors.slice(0, Number.isFinite(n) ? n : 0).forEach((p, i) => {
      if (!p.name.trim()) e[`visitors.${i}.name`] = t('form.errors.required');
      const id = p.idNumber.replace(/\s+/g, '').toUpperCase();
      if (!isValidIdNumber(id, today)) e[`visitors.${i}.idNumber`] = t('form.errors.idNumber');
      else if (seen.has(id)) e[`visitors.${i}.idNumber`] = t('form.errors.idDuplicate');
      seen.add(id);
    });
  }
  return e;
}

/** Server field errors → this form's fields, in the page's language. */
function fromProblem(err: ProblemError, t: VisitT, museum: BookingMuseum): { fields: Errors; summary: string } {
  const slug = err.slug;
  const fields: Errors = {};
  for (const { path, message } of err.problem.errors ?? []) {
    const key = path.replace(/^body\./, '');
    if (key.endsWith('idNumber'))
      fields[key] = slug === 'id-already-booked' ? t('form.errors.idTaken') : /twice/.test(message) ? t('form.errors.idDuplicate') : t('form.errors.idNumber');
    else if (key === 'contact.phone') fields[key] = slug === 'contact-limit' ? t('problems.contact-limit') : t('form.errors.phone');
    else if (key === 'contact.email') fields[key] = slug === 'contact-limit' ? t('problems.contact-limit') : t('form.errors.email');
    else if (key === 'partySize') {
      const r = museum.rules;
      fields[key] =
        slug === 'party-too-large'
          ? t('problems.party-too-large')
          : t('form.errors.partySize', { min: slug === 'group-size' ? r.groupMinSize : 1, max: slug === 'group-size' ? r.groupMaxSize : r.maxPartySize });
    } else if (key !== 'slotId' && key !== 'body' && !key.startsWith('header')) fields[key] = t('form.errors.generic');
  }
  const known = [
    'sold-out',
    'slot-closed',
    'day-closed',
    'day-full',
    'slot-past',
    'slot-unknown',
    'not-on-sale',
    'museum-not-open',
    'party-too-large',
    'group-size',
    'contact-limit',
    'id-already-booked',
    'validation',
    'too-large',
    'malformed-json',
    'network',
  ] as const;
  const summary = (known as readonly string[]).includes(slug) ? t(`problems.${slug as (typeof known)[number]}`) : t('problems.unknown');
  return { fields, summary };
}

export function BookingForm({
  museum,
  slot,
  today,
  fmt,
  onBooked,
  onSlotGone,
}: {
  museum: BookingMuseum;
  slot: SlotView;
  today: string;
  fmt: VisitFormat;
  onBooked: (ticket: Ticket) => void;
  onSlotGone: () => void;
}) {
  const t = useVisitStrings();
  const r = museum.rules;
  const [v, setV] = useState<Values>({ kind: 'individual', partySize: '1', name: '', phone: '', email: '', groupName: '', groupLeader: '', visitors: [] });
  const [errors, setErrors] = useState<Errors>({});
  const [summary, setSummary] = useState<string>();
  const [sending, setSending] = useState(false);
  const key = useRef<string>(newIdempotencyKey());
  const summaryRef = useRef<HTMLDivElement>(null);
  const canGroup = slot.groupRemaining >= r.groupMinSize;

  useEffect(() => {
    track({ type: 'booking_step', step: 'form' });
  }, []);

  const change = (patch: Partial<Values>) => {
    setV((old) => ({ ...old, ...patch }));
    // Another booking now: a new key (a retry of the same form keeps the old one).
    key.current = newIdempotencyKey();
  };
  const size = Math.max(0, Math.min(Number(v.partySize) || 0, v.kind === 'group' ? r.groupMaxSize : r.maxPartySize));
  const visitors = Array.from({ length: r.realName ? size : 0 }, (_, i) => v.visitors[i] ?? { name: '', idNumber: '' });
  const setVisitor = (i: number, patch: Partial<{ name: string; idNumber: string }>) => {
    const next = [...visitors];
    next[i] = { ...next[i], ...patch };
    change({ visitors: next });
  };

  const showErrors = (fields: Errors, text: string) => {
    setErrors(fields);
    setSummary(text);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validate({ ...v, visitors }, museum, today, t);
    if (Object.keys(found).length) return showErrors(found, t('form.errorSummary'));
    const body: BookingRequest = {
      slotId: slot.id,
      kind: v.kind,
      partySize: Number(v.partySize),
      contact: { name: v.name.trim(), ...(v.phone.trim() ? { phone: v.phone.trim() } : {}), ...(v.email.trim() ? { email: v.email.trim() } : {}) },
      ...(r.realName ? { visitors: visitors.map((p) => ({ name: p.name.trim(), idNumber: p.idNumber.replace(/\s+/g, '') })) } : {}),
      ...(v.kind === 'group' ? { group: { name: v.groupName.trim(), leader: v.groupLeader.trim() } } : {}),
      lang: fmt.language,
    };
    setSending(true);
    setErrors({});
    setSummary(undefined);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const { ticket } = await api<{ ticket: Ticket }>('/api/visit/bookings', {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'Idempotency-Key': key.current },
          });
          track({ type: 'booking_step', step: 'confirmed' });
          onBooked(ticket);
          return;
        } catch (err) {
          // The same booking is still being made (a double click, a retry): wait and ask again.
          if (err instanceof ProblemError && err.slug === 'idempotency-in-progress' && attempt < 5) {
            await new Promise((res) => setTimeout(res, (err.retryAfter ?? 1) * 1000));
            continue;
          }
          throw err;
        }
      }
    } catch (err) {
      if (!(err instanceof ProblemError)) return showErrors({}, t('problems.unknown'));
      const { fields, summary: text } = fromProblem(err, t, museum);
      showErrors(fields, text);
      if (['sold-out', 'slot-closed', 'slot-past', 'slot-unknown', 'day-full', 'day-closed'].includes(err.slug)) onSlotGone();
    } finally {
      setSending(false);
    }
  }

  const field = (name: string, label: string, input: ReactNode, hint?: string) => (
    <div className={`visit-field${errors[name] ? ' visit-field-invalid' : ''}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      {hint && (
        <p className="visit-hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      {input}
      {errors[name] && (
        <p className="visit-error" id={`${fieldId(name)}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
  const aria = (name: string, hint = false) => ({
    id: fieldId(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [hint ? `${fieldId(name)}-hint` : '', errors[name] ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  const [min, max] = v.kind === 'group' ? [r.groupMinSize, r.groupMaxSize] : [1, r.maxPartySize];

  return (
    <section className="visit-form" aria-labelledby="visit-form-heading">
      <h2 id="visit-form-heading">{t('form.heading', { date: fmt.day(slot.date), time: `${slot.start}–${slot.end}` })}</h2>
      {summary && (
        <div className="message message-error visit-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="booking-errors">
          <p>{summary}</p>
          {Object.keys(errors).length > 0 && (
            <ul>
              {Object.entries(errors).map(([name, message]) => (
                <li key={name}>
                  <a href={`#${fieldId(name)}`}>{message}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form onSubmit={submit} noValidate>
        {canGroup && (
          <fieldset className="visit-fieldset">
            <legend>{t('form.kind')}</legend>
            {(['individual', 'group'] as const).map((k) => (
              <label key={k} className="visit-choice">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={v.kind === k}
                  onChange={() => change({ kind: k, partySize: String(k === 'group' ? r.groupMinSize : 1) })}
                />
                {t(`form.${k}`)}
              </label>
            ))}
          </fieldset>
        )}
        {field(
          'partySize',
          t('form.partySize'),
          <input
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            value={v.partySize}
            onChange={(e) => change({ partySize: e.target.value })}
            {...aria('partySize', true)}
          />,
          t('form.partySizeHint', { min, max }),
        )}
        {v.kind === 'group' && (
          <>
            {field(
              'group.name',
              t('form.groupName'),
              <input
                type="text"
                autoComplete="organization"
                value={v.groupName}
                onChange={(e) => change({ groupName: e.target.value })}
                {...aria('group.name')}
              />,
            )}
            {field(
              'group.leader',
              t('form.groupLeader'),
              <input type="text" value={v.groupLeader} onChange={(e) => change({ groupLeader: e.target.value })} {...aria('group.leader')} />,
            )}
          </>
        )}
        <fieldset className="visit-fieldset">
          <legend>{t('form.contact')}</legend>
          <p className="visit-hint">{t('form.contactHint', { limit: r.contactLimit, days: r.contactWindowDays })}</p>
          {field(
            'contact.name',
            t('form.name'),
            <input type="text" autoComplete="name" value={v.name} onChange={(e) => change({ name: e.target.value })} {...aria('contact.name')} />,
          )}
          {field(
            'contact.phone',
            t('form.phone'),
            <input
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              value={v.phone}
              onChange={(e) => change({ phone: e.target.value })}
              {...aria('contact.phone')}
            />,
          )}
          {field(
            'contact.email',
            t('form.email'),
            <input type="email" autoComplete="email" value={v.email} onChange={(e) => change({ email: e.target.value })} {...aria('contact.email')} />,
          )}
        </fieldset>
        {r.realName && visitors.length > 0 && (
          <fieldset className="visit-fieldset">
            <legend>{t('form.visitors')}</legend>
            <p className="visit-hint">{t('museum.realName')}</p>
            {visitors.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: visitors are positions in the party
              <fieldset key={i} className="visit-visitor">
                <legend>{t('form.visitor', { n: i + 1 })}</legend>
                {field(
                  `visitors.${i}.name`,
                  t('form.visitorName'),
                  <input type="text" value={p.name} onChange={(e) => setVisitor(i, { name: e.target.value })} {...aria(`visitors.${i}.name`)} />,
                )}
                {field(
                  `visitors.${i}.idNumber`,
                  t('form.idNumber'),
                  <input
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={22}
                    value={p.idNumber}
                    onChange={(e) => setVisitor(i, { idNumber: e.target.value })}
                    {...aria(`visitors.${i}.idNumber`)}
                  />,
                )}
              </fieldset>
            ))}
          </fieldset>
        )}
        <button type="submit" className="button visit-submit" disabled={sending}>
          {sending ? t('form.submitting') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
