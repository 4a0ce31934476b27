import { useWalkthroughT, type WalkthroughKey } from './strings.ts';
import type { CameraCommand, TourController } from './tour.ts';

/** On-screen buttons for every gesture: turn, tilt, zoom, reset, full screen. */
export function CameraButtons({ controller, expanded, onExpand }: { controller: TourController; expanded: boolean; onExpand: (v: boolean) => void }) {
  const t = useWalkthroughT();
  const buttons: { key: WalkthroughKey; glyph: string; command: CameraCommand }[] = [
    { key: 'camera.rotateLeft', glyph: '⟲', command: { kind: 'rotate', direction: 1 } },
    { key: 'camera.rotateRight', glyph: '⟳', command: { kind: 'rotate', direction: -1 } },
    { key: 'camera.tiltUp', glyph: '⤒', command: { kind: 'tilt', direction: -1 } },
    { key: 'camera.tiltDown', glyph: '⤓', command: { kind: 'tilt', direction: 1 } },
    { key: 'camera.zoomIn', glyph: '+', command: { kind: 'zoom', direction: 1 } },
    { key: 'camera.zoomOut', glyph: '−', command: { kind: 'zoom', direction: -1 } },
  ];
  return (
    <fieldset className="walkthrough-camera">
      <legend className="visually-hidden">{t('camera.label')}</legend>
      {buttons.map((b) => (
        <button key={b.key} type="button" aria-label={t(b.key)} title={t(b.key)} onClick={() => controller.camera(b.command)}>
          <span aria-hidden="true">{b.glyph}</span>
        </button>
      ))}
      <button type="button" aria-label={t('camera.reset')} title={t('camera.reset')} onClick={() => controller.returnToPath()}>
        <span aria-hidden="true">⌂</span>
      </button>
      <button
        type="button"
        aria-pressed={expanded}
        aria-label={t(expanded ? 'camera.collapse' : 'camera.expand')}
        title={t(expanded ? 'camera.collapse' : 'camera.expand')}
        onClick={() => onExpand(!expanded)}
      >
        <span aria-hidden="true">{expanded ? '⤡' : '⤢'}</span>
      </button>
    </fieldset>
  );
}
