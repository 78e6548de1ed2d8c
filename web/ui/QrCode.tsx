import { useEffect, useState } from 'react';

/**
 * A link drawn as a QR code (an SVG image of its modules, four modules of quiet
 * zone): the qrcode package is fetched only when one is shown. `size` is the
 * largest it is drawn, in CSS pixels; it shrinks to its container.
 */
export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(({ create }) => {
      const { modules } = create(text, { errorCorrectionLevel: 'M' });
      let d = '';
      for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
      const side = modules.size + 8;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!src) return null;
  return <img src={src} alt={label} width={size} height={size} style={{ maxWidth: '100%', height: 'auto' }} />;
}
