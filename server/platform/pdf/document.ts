import type PDFDocumentClass from 'pdfkit';
import { face, faceFor, loadFontEngine, type FaceName, type Weight } from './fonts.js';
import { layoutParagraph, loadBidi } from './paragraph.js';

export type Pdf = InstanceType<typeof PDFDocumentClass>;

/**
 * pdfkit, fontkit and bidi-js are loaded by the first document rather than at
 * start: they cost a large share of start-up and memory, and most processes
 * never print.
 */
export async function loadPdfEngine(): Promise<typeof PDFDocumentClass> {
  const [pdfkit] = await Promise.all([import('pdfkit'), loadFontEngine(), loadBidi()]);
  return pdfkit.default;
}

export interface TextStyle {
  weight?: Weight;
  size?: number;
  color?: string;
}

const registered = new WeakMap<Pdf, Set<string>>();

// The document's name for a face, registered with it on first use so that only
// the faces a text needs are embedded (each as a subset of the glyphs used).
function use(doc: Pdf, name: FaceName, weight: Weight, size: number): Pdf {
  const loaded = face(name, weight);
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(loaded.id)) {
    doc.registerFont(loaded.id, loaded.bytes);
    names.add(loaded.id);
  }
  return doc.font(loaded.id).fontSize(size);
}

/**
 * A PDF in which every text is set by `write`, whatever its script: Latin,
 * Cyrillic and Vietnamese in DejaVu Sans, Arabic, Devanagari, Bengali, Thai
 * and Chinese in Noto faces, each run shaped by fontkit, right-to-left
 * paragraphs laid out by the Unicode bidirectional algorithm. `draw` writes
 * the pages; the whole file comes back as one buffer, which is fine for
 * minutes and papers of a few pages.
 */
export async function renderPdf(meta: { title: string; author: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const PDFDocument = await loadPdfEngine();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: meta.title, Author: meta.author }, lang: 'en' });
  use(doc, 'latin', 'regular', 10.5);
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

/** Where a text goes across the page: from `x`, `width` wide, to the left or the right of it. */
export interface TextBox {
  x: number;
  width: number;
  align?: 'start' | 'end';
}

/**
 * Text at the cursor across the page's width (or within `box`), wrapped, one
 * paragraph per line of `text`, each in the face its script needs; the cursor
 * moves below it.
 */
export function write(doc: Pdf, text: string, style: TextStyle = {}, box?: TextBox) {
  const weight = style.weight ?? 'regular';
  const size = style.size ?? 10.5;
  const left = box?.x ?? doc.page.margins.left;
  const width = box?.width ?? doc.page.width - left - doc.page.margins.right;
  if (style.color) doc.fillColor(style.color);
  const measure = (piece: { text: string; face: FaceName }) => use(doc, piece.face, weight, size).widthOfString(piece.text);
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const lines = layoutParagraph(paragraph, width, measure, (ch, prev) => faceFor(ch, prev));
    if (lines.length === 0) {
      doc.y += lineMetrics(['latin'], weight, size).height;
      continue;
    }
    for (const line of lines) {
      const metrics = lineMetrics(line.pieces.map((p) => p.face), weight, size);
      if (doc.y + metrics.height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      // A right-to-left line starts at the box's right edge; `end` puts it there in either direction.
      let x = line.rtl !== (box?.align === 'end') ? left + width - line.width : left;
      for (const piece of line.pieces) {
        use(doc, piece.face, weight, size).text(piece.drawn, x, top + metrics.ascent, { lineBreak: false, baseline: 'alphabetic' });
        x += piece.width;
      }
      doc.x = doc.page.margins.left;
      doc.y = top + metrics.height;
    }
  }
  use(doc, 'latin', 'regular', size);
  if (style.color) doc.fillColor('#000000');
}

// A line is as tall as the tallest face on it needs: Devanagari and Chinese
// rise above Latin capitals.
function lineMetrics(faces: FaceName[], weight: Weight, size: number) {
  let ascent = 0;
  let descent = 0;
  let gap = 0;
  for (const name of new Set(faces)) {
    const { font } = face(name, weight);
    const scale = size / font.unitsPerEm;
    ascent = Math.max(ascent, font.ascent * scale);
    descent = Math.max(descent, -font.descent * scale);
    gap = Math.max(gap, font.lineGap * scale);
  }
  return { ascent, height: ascent + descent + gap };
}

/** A heading and the paragraphs under it, in the house style. */
export function section(doc: Pdf, heading: string, text: string) {
  doc.moveDown(0.8);
  write(doc, heading, { weight: 'bold', size: 13 });
  doc.moveDown(0.3);
  write(doc, text || '—');
}

export function title(doc: Pdf, text: string, subtitle: string) {
  write(doc, text, { weight: 'bold', size: 18 });
  doc.moveDown(0.2);
  write(doc, subtitle, { size: 10, color: '#555555' });
  doc.moveDown(0.5);
}
