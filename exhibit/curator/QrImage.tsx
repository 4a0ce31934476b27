/**
 * A QR code of a text, made in the browser (the same `qrcode` package and SVG output as the
 * visitor tickets): the text, a device token's set-up address, never leaves the page.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function QrImage({ text, alt }: { text: string; alt: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((s) => {
        if (live) setSvg(s);
      })
      .catch(() => {
        if (live) setSvg(null);
      });
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return null;
  return <img className="token-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={alt} width={240} height={240} />;
}
