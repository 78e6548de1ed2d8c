import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fonts = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export type Pdf = InstanceType<typeof PDFDocument>;

/**
 * A PDF in DejaVu Sans, which covers the Latin, Cyrillic and Vietnamese the
 * organisations write in (pdfkit's built-in fonts cover Latin-1 only).
 * `draw` writes the pages; the whole file comes back as one buffer, which is
 * fine for minutes and papers of a few pages.
 */
export function renderPdf(meta: { title: string; author: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: meta.title, Author: meta.author }, lang: 'en' });
  doc.registerFont('body', path.join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fonts, 'DejaVuSans-Bold.ttf'));
  doc.font('body').fontSize(10.5);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** A heading and the paragraphs under it, in the house style. */
export function section(doc: Pdf, heading: string, text: string) {
  doc.moveDown(0.8).font('bold').fontSize(13).text(heading).moveDown(0.3);
  doc.font('body').fontSize(10.5).text(text || '—', { align: 'left' });
}

export function title(doc: Pdf, text: string, subtitle: string) {
  doc.font('bold').fontSize(18).text(text).moveDown(0.2);
  doc.font('body').fontSize(10).fillColor('#555555').text(subtitle).fillColor('#000000').moveDown(0.5);
}
