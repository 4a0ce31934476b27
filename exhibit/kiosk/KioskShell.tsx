import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../content/schema.ts';
import { App } from '../app/App.tsx';
import { installAudioUnlock, loadedAudioService } from '../audio/audioLifecycle.ts';
import { holdIdle, isIdleHeld, onIdleHoldChange, resetVisitor, startVisitor } from '../visitor/visitorSession.ts';
import { AttractScreen } from './AttractScreen.tsx';
import { resetSettings } from './accessibilitySettings.ts';
import type { HeartbeatAnswer } from './heartbeat.ts';
import { IdlePrompt } from './IdlePrompt.tsx';
import { createIdleTimer } from './idleTimer.ts';
import { type KioskConfig, type KioskDevice, MIN_PROMPT_SECONDS } from './kioskConfig.ts';
import { KioskContext, type KioskContextValue, type KioskPhase } from './kioskContext.ts';
import { appVersion } from './serviceWorker.ts';
import { minTargetCssPx } from './targetSize.ts';
import { installTouchGuards } from './touchGuards.ts';
import { useHeartbeat } from './useHeartbeat.ts';
import { useOfflineCache } from './useOfflineCache.ts';
import { useShowcase } from './useShowcase.ts';

/** What a visitor does that shows they are there. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** For tests and the soak benchmark: the lifecycle from outside (no secrets, nothing a visitor can reach). */
export interface KioskTestHook {
  phase(): KioskPhase;
  visit(): number;
  holdIdle: typeof holdIdle;
  isIdleHeld: typeof isIdleHeld;
  lastInteraction(): number | null;
  config(): KioskConfig;
  heartbeatQueue(): unknown[];
  reset(): void;
  /** The narration player's state, if audio has loaded. */
  audio(): { status: string; unlocked: boolean } | null;
}

declare global {
  interface Window {
    __museumKiosk?: KioskTestHook;
  }
}

/**
 * The kiosk lifecycle: attract loop → (tap) active visit → (idle) "still there?" → (no answer)
 * reset → attract. Reset forgets the visitor: features clear themselves on resetVisitor(), the
 * app's tree is dropped (a new one mounts for the next visitor), the language goes back to the
 * kiosk's default, the address to its start exhibit, scroll to the top; caches stay.
 */
export function KioskShell({
  config: latestConfig,
  device,
  bootQuery,
  refreshConfig,
}: {
  config: KioskConfig;
  device: KioskDevice | null;
  bootQuery: string;
  /** Re-reads the configuration from the server (a heartbeat said it changed). */
  refreshConfig: () => void;
}) {
  const { i18n } = useTranslation();
  // The configuration in force; a newer one waits for the next reset unless nobody is using the kiosk.
  const [config, setConfig] = useState(latestConfig);
  const [phase, setPhase] = useState<KioskPhase>('attract');
  const [visit, setVisit] = useState(0);
  const refs = useRef({ phase, visit, config, latestConfig });
  refs.current = { phase, visit, config, latestConfig };

  const startUrl = useCallback((c: KioskConfig) => `${c.startExhibit.path}${bootQuery}`, [bootQuery]);
  const { slides, version: contentVersion } = useShowcase(config.startExhibit.path);
  const contentVersionRef = useRef(contentVersion);
  if (contentVersion !== null) contentVersionRef.current = contentVersion;

  // One timer for the kiosk's life; its timeout follows the configuration (below).
  const [timer] = useState(() =>
    createIdleTimer({ timeoutMs: config.idleTimeoutSeconds * 1000, onIdle: () => setPhase((p) => (p === 'active' ? 'prompt' : p)) }),
  );
  useEffect(() => timer.setTimeoutMs(config.idleTimeoutSeconds * 1000), [timer, config.idleTimeoutSeconds]);

  const offline = useOfflineCache(device);

  // Nobody at the kiosk: a new configuration applies at once.
  useEffect(() => {
    if (refs.current.phase === 'attract') setConfig(latestConfig);
  }, [latestConfig]);

  // Boot: the kiosk's language and start address.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per configuration in force
  useEffect(() => {
    if (refs.current.phase !== 'attract') return;
    void i18n.changeLanguage(config.defaultLanguage);
    window.history.replaceState(null, '', startUrl(config));
  }, [config]);

  // Touch targets: at least 44 CSS px and 20 mm on this screen.
  useEffect(() => {
    document.documentElement.style.setProperty('--kiosk-target', `${minTargetCssPx(config.screen, window.devicePixelRatio || 1)}px`);
  }, [config.screen]);

  useEffect(() => installTouchGuards(), []);
  // The attract screen's first touch unlocks audio (the app's layout, which does it on the web, is
  // not mounted yet). Once unlocked it stays unlocked for every later visitor.
  useEffect(() => installAudioUnlock({ kiosk: true }), []);

  // Activity and idle holds drive the timer.
  useEffect(() => {
    const onActivity = () => timer.activity();
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
    timer.setHeld(isIdleHeld());
    const off = onIdleHoldChange((held) => timer.setHeld(held));
    return () => {
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, { capture: true });
      off();
    };
  }, [timer]);

  useEffect(() => {
    if (phase === 'active') timer.start();
    else timer.stop();
    return () => timer.stop();
  }, [phase, timer]);

  const start = useCallback(
    (language?: Locale) => {
      if (refs.current.phase !== 'attract') return;
      if (language) void i18n.changeLanguage(language);
      window.history.replaceState(null, '', startUrl(refs.current.config));
      window.scrollTo(0, 0);
      startVisitor();
      setPhase('active');
    },
    [i18n, startUrl],
  );

  const reset = useCallback(() => {
    // Features forget the visitor while they are still mounted (audio, 3D camera, analytics, forms).
    resetVisitor();
    resetSettings();
    globalThis.speechSynthesis?.cancel();
    try {
      sessionStorage.clear();
    } catch {
      /* no session storage: nothing to clear */
    }
    (document.activeElement as HTMLElement | null)?.blur?.();
    const next = refs.current.latestConfig;
    window.history.replaceState(null, '', startUrl(next));
    // A new version of the app waited for this moment: take it now (the page reloads on the start address).
    if (offline.updates.current?.applyUpdate()) return;
    offline.updates.current?.check();
    setConfig(next);
    void i18n.changeLanguage(next.defaultLanguage);
    window.scrollTo(0, 0);
    setVisit((v) => v + 1);
    setPhase('attract');
  }, [i18n, startUrl, offline.updates]);

  const onAnswer = useCallback(
    (answer: HeartbeatAnswer) => {
      if (answer.configVersion !== refs.current.latestConfig.configVersion) refreshConfig();
      offline.warm(answer.contentVersion);
    },
    [offline, refreshConfig],
  );
  const heartbeat = useHeartbeat(
    device,
    config.heartbeatIntervalSeconds,
    () => ({ contentVersion: contentVersionRef.current, appVersion: appVersion(), lastInteractionAt: timer.lastActivity(), state: refs.current.phase }),
    onAnswer,
  );

  useEffect(() => {
    window.__museumKiosk = {
      phase: () => refs.current.phase,
      visit: () => refs.current.visit,
      holdIdle,
      isIdleHeld,
      lastInteraction: () => timer.lastActivity(),
      config: () => refs.current.config,
      heartbeatQueue: () => heartbeat.current?.queued() ?? [],
      reset,
      audio: () => {
        const service = loadedAudioService();
        return service ? { status: service.getState().status, unlocked: service.isUnlocked() } : null;
      },
    };
  }, [timer, reset, heartbeat]);

  useEffect(() => {
    document.documentElement.dataset.kioskPhase = phase;
  }, [phase]);

  const context = useMemo<KioskContextValue>(() => ({ config, phase, endVisit: reset }), [config, phase, reset]);
  return (
    <KioskContext.Provider value={context}>
      {phase === 'attract' ? <AttractScreen slides={slides} onStart={start} /> : <App key={visit} />}
      {phase === 'prompt' && (
        <IdlePrompt
          seconds={Math.max(MIN_PROMPT_SECONDS, config.promptSeconds)}
          onContinue={() => setPhase((p) => (p === 'prompt' ? 'active' : p))}
          onExpire={reset}
        />
      )}
    </KioskContext.Provider>
  );
}
