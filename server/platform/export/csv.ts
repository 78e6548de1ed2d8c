import { stringify, type Stringifier } from 'csv-stringify';

// A cell starting with one of these is run as a formula by spreadsheet
// programs (CSV injection); a leading apostrophe makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV writer with a header row, UTF-8 BOM for Excel, and formulas neutralised. */
export function csvWriter(columns: string[]): Stringifier {
  return stringify({ header: true, columns, bom: true, cast: { string: neutraliseFormula } });
}

/** Writes a row, waiting when the reader is slower than the database. */
export async function writeRow(csv: Stringifier, row: unknown[]): Promise<void> {
  if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
}
