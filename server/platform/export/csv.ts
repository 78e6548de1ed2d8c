import { stringify, type Stringifier } from 'csv-stringify';
import { DownloadAbandoned, drained } from './drained.js';

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

/**
 * Writes a row, waiting when the reader is slower than the database; fails
 * (DownloadAbandoned) once the reader has gone, so the export's transaction ends.
 */
export async function writeRow(csv: Stringifier, row: unknown[]): Promise<void> {
  if (csv.destroyed) throw new DownloadAbandoned();
  csv.write(row);
  await drained(csv);
}
