/**
 * Optional camera scanning with the browser's own BarcodeDetector (Chromium on Android, ChromeOS,
 * macOS): no library, nothing fetched. Shown only where the browser has it; the code field and a
 * keyboard-wedge scanner work everywhere.
 */
import { useEffect, useRef, useState } from 'react';
import { useStaffStrings } from './strings.ts';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

const BarcodeDetectorClass = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
export const cameraScanningAvailable = () => BarcodeDetectorClass !== undefined && !!navigator.mediaDevices?.getUserMedia;

export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useStaffStrings();
  const [on, setOn] = useState(false);
  const [error, setError] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!on || !BarcodeDetectorClass) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let last = '';
    let stopped = false;
    const detector = new BarcodeDetectorClass({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        if (stopped) {
          for (const tr of s.getTracks()) tr.stop();
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        timer = setInterval(async () => {
          if (!video.current || video.current.readyState < 2) return;
          const found = await detector.detect(video.current).catch(() => []);
          const value = found[0]?.rawValue;
          // The same code held in front of the camera is sent once.
          if (value && value !== last) {
            last = value;
            onCode(value);
          }
        }, 250);
      })
      .catch(() => setError(true));
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const tr of stream?.getTracks() ?? []) tr.stop();
    };
  }, [on, onCode]);

  if (!cameraScanningAvailable()) return null;
  return (
    <div className="staff-camera">
      <button type="button" className="button button-secondary" onClick={() => setOn((v) => !v)} aria-pressed={on}>
        {on ? t('checkIn.cameraStop') : t('checkIn.camera')}
      </button>
      {error && <p className="message message-error">{t('checkIn.cameraError')}</p>}
      {on && <video ref={video} className="staff-camera-video" muted playsInline aria-label={t('checkIn.cameraLabel')} />}
    </div>
  );
}
