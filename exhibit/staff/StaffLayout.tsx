/**
 * Frame of the front-of-house pages: sign-in first, then a bar with the museum being worked at
 * (remembered on this device), the two pages, and sign-out. Lazy-loaded: visitors never load it.
 */
import { useMemo, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.ts';
import type { BookingMuseum } from '../visit/api.ts';
import { useVisitFormat } from '../visit/format.ts';
import { useApi } from '../visit/useApi.ts';
import { SignInForm } from './SignInForm.tsx';
import { StaffContextValue, staffSender, useSessionState } from './session.ts';
import { useStaffStrings } from './strings.ts';
import './staff.css';

const MUSEUM_KEY = 'museum.staff.museum';

export default function StaffLayout() {
  const t = useStaffStrings();
  const fmt = useVisitFormat();
  usePageTitle(t('title'));
  const { state, signIn, signOut, expired } = useSessionState();
  const museums = useApi<{ data: BookingMuseum[] }>(state.status === 'signed-in' ? '/api/visit/museums' : null);
  const list = museums.status === 'ready' ? museums.data.data : [];
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(MUSEUM_KEY));
  const museumId = list.find((m) => m.id === chosen)?.id ?? list.find((m) => m.bookable)?.id ?? list[0]?.id;
  const csrf = state.status === 'signed-in' ? state.csrf : '';
  const send = useMemo(() => staffSender(csrf, expired), [csrf, expired]);

  if (state.status === 'loading') return <p className="loading page">…</p>;
  if (state.status === 'signed-out') {
    return (
      <div className="page staff-page">
        <SignInForm onSignIn={signIn} />
      </div>
    );
  }
  return (
    <div className="page staff-page">
      <div className="staff-bar">
        <div className="staff-field staff-museum">
          <label htmlFor="staff-museum">{t('museum')}</label>
          <select
            id="staff-museum"
            value={museumId ?? ''}
            onChange={(e) => {
              setChosen(e.target.value);
              localStorage.setItem(MUSEUM_KEY, e.target.value);
            }}
          >
            {list.map((m) => (
              <option key={m.id} value={m.id}>
                {fmt.text(m.name)}
              </option>
            ))}
          </select>
        </div>
        <nav aria-label={t('nav.label')} className="staff-nav">
          <NavLink to="/staff/check-in">{t('nav.checkIn')}</NavLink>
          <NavLink to="/staff/occupancy">{t('nav.occupancy')}</NavLink>
        </nav>
        <p className="staff-user">
          {t('signIn.signedInAs', { name: state.user.displayName || state.user.username })}{' '}
          <button type="button" className="button button-secondary" onClick={() => void signOut()}>
            {t('signIn.signOut')}
          </button>
        </p>
      </div>
      {museumId && (
        <StaffContextValue.Provider value={{ user: state.user, csrf, museumId, send }}>
          <Outlet key={museumId} />
        </StaffContextValue.Provider>
      )}
    </div>
  );
}
