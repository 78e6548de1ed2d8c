// A shared formula is written once, on its first cell; the other cells of its
// range say only "same as that one". What they compute is the first cell's
// formula with its relative references moved by the distance between the two.

const REFERENCE = /("[^"]*")|((?:'[^']+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(])/g;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function slideFormula(formula: string, rows: number, columns: number): string {
  return formula.replace(REFERENCE, (whole, quoted: string | undefined, sheet: string | undefined, colAbs: string, col: string, rowAbs: string, row: string, offset: number) => {
    if (quoted) return whole;
    // The tail of a longer name (Rate_B2, Tax.B2), not a cell; a function (LOG10) is excluded by the lookahead.
    const before = offset > 0 ? formula[offset - 1]! : '';
    if (/[\w.$]/.test(before)) return whole;
    const c = columnIndex(col);
    if (c > 16_383) return whole;
    const newCol = colAbs ? c : c + columns;
    const newRow = rowAbs ? Number(row) : Number(row) + rows;
    if (newCol < 0 || newRow < 1) return whole;
    return `${sheet ?? ''}${colAbs}${columnLetters(newCol)}${rowAbs}${newRow}`;
  });
}
