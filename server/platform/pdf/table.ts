import { write, type Pdf, type TextStyle } from './document.js';

export interface TableColumn {
  /** Share of the page's width. */
  share: number;
  align?: 'start' | 'end';
}

export interface TableCell {
  text: string;
  /** A bar drawn in the cell instead of text, as a share (0–1) of the cell's width: a chart beside its figures. */
  bar?: number;
}

const GAP = 8;
const ROOM = 40;

/**
 * A table across the page: a bold header row, then the rows, each cell
 * wrapped in its column, a thin rule under each row. A row is never split
 * across pages: one that would not fit starts a new page, header repeated.
 */
export function table(doc: Pdf, columns: TableColumn[], header: string[], rows: Array<Array<TableCell | string>>, style: TextStyle = {}) {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const boxes = columns.reduce<Array<{ x: number; width: number; align?: 'start' | 'end' }>>((acc, c) => {
    const x = acc.length ? acc[acc.length - 1]!.x + acc[acc.length - 1]!.width + GAP : left;
    acc.push({ x, width: (c.share / total) * full - GAP, align: c.align });
    return acc;
  }, []);
  const size = style.size ?? 9.5;

  const row = (cells: Array<TableCell | string>, rowStyle: TextStyle) => {
    if (doc.y + ROOM > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (rowStyle.weight !== 'bold') row(header, { ...style, size, weight: 'bold' });
    }
    const top = doc.y;
    let bottom = top;
    cells.forEach((raw, i) => {
      const cell = typeof raw === 'string' ? { text: raw } : raw;
      const box = boxes[i]!;
      doc.y = top;
      if (cell.bar !== undefined) {
        const height = size * 0.9;
        doc.save().rect(box.x, top + 2, Math.max(0.5, box.width * Math.min(1, Math.max(0, cell.bar))), height).fill('#3b6fb6').restore();
        bottom = Math.max(bottom, top + height + 4);
      } else {
        write(doc, cell.text, { ...rowStyle, size }, box);
        bottom = Math.max(bottom, doc.y);
      }
    });
    doc.y = bottom + 2;
    doc.save().moveTo(left, doc.y).lineTo(left + full, doc.y).lineWidth(0.3).stroke('#bbbbbb').restore();
    doc.y += 3;
    doc.x = left;
  };

  row(header, { ...style, size, weight: 'bold' });
  for (const cells of rows) row(cells, style);
}
