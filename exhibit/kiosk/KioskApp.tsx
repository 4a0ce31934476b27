/**
 * Kiosk mode's root (lazy-loaded from main.tsx, so web visitors never download it).
 *
 * Which kiosk is this? `?mode=kiosk&kiosk=<id>` names it; its device token is entered once on the
 * setup screen (or given as `#kiosk-token=<token>`) and kept in localStorage with the last
 * configuration the server sent, so the kiosk starts with the server down. `&setup=1` shows the
 * setup screen again (a new token). `?mode=kiosk` alone runs a kiosk with built-in defaults that
 * stores nothing, sends no heartbeats and has no service worker (a demo, or a development machine).
 */
import { useCallback, useEffect, useState } from 'react';
import './kiosk.css';
import { KioskSetup } from './KioskSetup.tsx';
import { KioskShell } from './KioskShell.tsx';
import { browserStore, fetchConfig, initialConfig, type KioskConfig, type KioskDevice, readDevice, saveConfig, saveDevice } from './kioskConfig.ts';
import { minTargetCssPx } from './targetSize.ts';

interface Boot {
  kioskId: string | null;
  setup: boolean;
  token: string | null;
  /** The query the kiosk keeps across resets and reloads (`?mode=kiosk&kiosk=<id>`). */
  query: string;
}

function readBoot(): Boot {
  const params = new URLSearchParams(window.location.search);
  const kioskId = params.get('kiosk')?.trim() || null;
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('kiosk-token');
  // The token must not stay in the address bar or the history.
  if (token) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  const keep = new URLSearchParams({ mode: 'kiosk' });
  if (kioskId) keep.set('kiosk', kioskId);
  // The 3D walkthrough's test hooks (e2e tests and benchmarks) survive resets too.
  if (params.get('test-hooks') === '1') keep.set('test-hooks', '1');
  return { kioskId, setup: params.get('setup') === '1', token, query: `?${keep}` };
}

export default function KioskApp() {
  const [boot] = useState(readBoot);
  const [device, setDevice] = useState<KioskDevice | null>(() => {
    const saved = readDevice(browserStore());
    // A different kiosk id in the address than the one set up: this machine is being set up anew.
    return saved && (!boot.kioskId || saved.kioskId === boot.kioskId) ? saved : null;
  });
  const [needsSetup, setNeedsSetup] = useState(() => !!boot.kioskId && (!device || boot.setup || !!boot.token));
  const [config, setConfig] = useState<KioskConfig>(() => initialConfig(browserStore(), device));

  const refresh = useCallback(async () => {
    if (!device) return;
    const result = await fetchConfig(device.token);
    if (result.kind === 'ok') {
      saveConfig(browserStore(), result.config);
      setConfig(result.config);
    } else if (result.kind === 'refused') {
      // Revoked or unknown: keep running on the last configuration; an admin sets the kiosk up again.
      console.warn(`kiosk configuration refused (${result.status}): ${result.detail}`);
    }
  }, [device]);

  useEffect(() => {
    if (!needsSetup) void refresh();
  }, [needsSetup, refresh]);

  // The set-up screen is touched too: size its targets for the screen as far as it is known yet.
  useEffect(() => {
    if (needsSetup) document.documentElement.style.setProperty('--kiosk-target', `${minTargetCssPx(config.screen, window.devicePixelRatio || 1)}px`);
  }, [needsSetup, config.screen]);

  if (needsSetup && boot.kioskId) {
    return (
      <KioskSetup
        kioskId={boot.kioskId}
        initialToken={boot.token}
        onDone={(token, serverConfig) => {
          const next = { kioskId: boot.kioskId as string, token };
          saveDevice(browserStore(), next);
          saveConfig(browserStore(), serverConfig);
          setDevice(next);
          setConfig(serverConfig);
          setNeedsSetup(false);
        }}
      />
    );
  }
  return <KioskShell config={config} device={device} bootQuery={boot.query} refreshConfig={refresh} />;
}
