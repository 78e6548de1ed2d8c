import type { TFunction } from 'i18next';
import type { Certificate } from '../../../contracts/certificates.js';
import { renderPdf, title, write, type Pdf } from '../../platform/pdf/document.js';
import type { ClockFormat } from '../../platform/time.js';

interface QrModules {
  size: number;
  get(row: number, col: number): number | boolean;
}

/** The QR code's dark modules as filled squares, `size` points wide, from (x, y), with four modules of quiet zone. */
function drawQr(doc: Pdf, modules: QrModules, x: number, y: number, size: number) {
  const n = modules.size;
  const cell = size / (n + 8);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (modules.get(row, col)) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
  }
  doc.fill('#000000');
}

const QR_SIZE = 240;

/**
 * A certificate on paper: every signed field in words and a QR code holding
 * the public verification page's address with the signed credential in its
 * fragment, so a phone verifies it from the QR alone.
 */
export async function certificatePdf(cert: Certificate, facts: { course: string; hours: number; issuer: string; tot: string | null }, t: TFunction, format: ClockFormat): Promise<Buffer> {
  // qrcode is loaded by the first certificate, as pdfkit is.
  const { create } = await import('qrcode');
  const qr = create(cert.verifyUrl, { errorCorrectionLevel: 'L' });
  const heading = t(`pdf.certificate.title.${cert.level}`);
  return renderPdf({ title: `${heading}: ${cert.name}`, author: facts.issuer }, (doc) => {
    title(doc, heading, facts.issuer);
    doc.moveDown(1);
    write(doc, t('pdf.certificate.certifies'), { size: 12 });
    doc.moveDown(0.3);
    write(doc, cert.name, { weight: 'bold', size: 22 });
    doc.moveDown(0.5);
    write(doc, t(`pdf.certificate.level.${cert.level}`), { size: 12 });
    doc.moveDown(0.3);
    write(doc, facts.course, { weight: 'bold', size: 16 });
    doc.moveDown(0.8);
    write(doc, [
      t('pdf.certificate.hours', { hours: facts.hours }),
      t('pdf.certificate.issued', { date: format.date(cert.issuedAt, 'long') }),
      cert.validUntil ? t('pdf.certificate.validUntil', { date: format.date(cert.validUntil, 'long') }) : t('pdf.certificate.noExpiry'),
      ...(facts.tot ? [t('pdf.certificate.tot', { course: facts.tot })] : []),
      t('pdf.certificate.number', { id: cert.id }),
    ].join('\n'), { size: 11 });
    doc.moveDown(1);
    if (doc.y + QR_SIZE + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    drawQr(doc, qr.modules, doc.page.margins.left, doc.y, QR_SIZE);
    doc.y += QR_SIZE + 6;
    write(doc, t('pdf.certificate.scan'), { size: 9, color: '#555555' });
  });
}
