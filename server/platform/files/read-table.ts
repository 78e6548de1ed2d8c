import { parse } from 'csv-parse/sync';
import { AppError } from '../errors/app-error.js';
import { detectDelimiter } from './csv-delimiter.js';
import { decodeText } from './text-encoding.js';
import { XlsxWorkbook, type SheetRow } from './xlsx-workbook.js';

export { TABLE_ENCODINGS, type TableEncoding } from './text-encoding.js';

/** A spreadsheet as text: a header row and data rows, all cells strings. */
export interface Table {
  format: 'csv' | 'xlsx';
  /** The text encoding a CSV file was read in (detected or forced); `utf-8` for XLSX, whose XML is. */
  encoding: string;
  /** The CSV file's one delimiter (`,` `;` tab `|`); empty for XLSX. */
  delimiter: string;
  columns: string[];
  /**
   * The rows under the header that hold a value, each cell as text: a date
   * `YYYY-MM-DD` (`YYYY-MM-DDTHH:MM[:SS]` with a time of day), a number in
   * plain notation with at most 15 significant digits, `true`/`false`, an
   * error as Excel shows it (`#N/A`), a formula by its last computed result.
   */
  rows: string[][];
  /**
   * The row number of each of `rows` as the person sees it in the spreadsheet
   * (its line in a CSV file): empty rows are left out of `rows`, so the i-th
   * row is not always row i + 2, and a message must name the row the person
   * will look for.
   */
  rowNumbers: number[];
  /**
   * Every cell of the data rows that holds a formula, whose computed value
   * `rows` carries instead. `row` is the sheet's own row number, as the person
   * sees it in the spreadsheet (so `rows` may be shorter where the sheet has
   * empty rows); `column` is the 0-based index into `columns`; `formula` is
   * the formula without its leading `=`. Always empty for CSV.
   */
  formulas: Array<{ row: number; column: number; formula: string }>;
}

export interface ReadTableOptions {
  /** Read a CSV file in this encoding (one of TABLE_ENCODINGS, or a label of one) instead of detecting it. */
  encoding?: string;
}

export const TABLE_LIMITS = { bytes: 25 * 1024 * 1024, columns: 200, rows: 200_000, unzippedBytes: 300 * 1024 * 1024, zipEntries: 5_000 };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function limitShape(columns: number, rows: number) {
  if (columns > TABLE_LIMITS.columns) throw new AppError('file.too_many_columns', { max: TABLE_LIMITS.columns });
  if (rows > TABLE_LIMITS.rows) throw new AppError('file.too_many_rows', { max: TABLE_LIMITS.rows });
}

function openWorkbook(buffer: Buffer) {
  return XlsxWorkbook.open(buffer, { inflatedBytes: TABLE_LIMITS.unzippedBytes, entries: TABLE_LIMITS.zipEntries, columns: TABLE_LIMITS.columns });
}

// The first sheet the person sees (templates often hide a sheet of lists
// before it), streamed: only the rows that hold a value are kept.
async function readXlsx(buffer: Buffer): Promise<Table> {
  const workbook = await openWorkbook(buffer);
  const kept: SheetRow[] = [];
  try {
    const first = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
    if (!first) throw new AppError('file.empty');
    for await (const batch of workbook.rows(first)) {
      for (const row of batch) {
        if (!row.cells.some((c) => c !== '')) continue;
        kept.push(row);
        limitShape(row.cells.length, kept.length - 1);
      }
    }
  } finally {
    workbook.close();
  }
  const table = toTable('xlsx', 'utf-8', '', kept.map((r) => ({ cells: r.cells, number: r.number })));
  table.formulas = kept.slice(1).flatMap((r) => r.formulas.filter((f) => f.column < table.columns.length).map((f) => ({ row: r.number, ...f })));
  return table;
}

function readCsv(buffer: Buffer, options: ReadTableOptions | undefined): Table {
  const { text, encoding } = decodeText(buffer, options?.encoding);
  const delimiter = detectDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, each record comes with its line; csv-parse's sync types do not follow that option.
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, max_record_size: 1_000_000, info: true }) as unknown as typeof records;
  } catch {
    throw new AppError('file.unreadable');
  }
  return toTable('csv', encoding, delimiter, records.map((r) => ({ cells: r.record, number: r.info.lines })));
}

function toTable(format: Table['format'], encoding: string, delimiter: string, all: Array<{ cells: string[]; number: number }>): Table {
  const nonEmpty = all.filter((r) => r.cells.some((c) => c !== ''));
  if (nonEmpty.length < 2) throw new AppError('file.empty');
  const [header, ...rows] = nonEmpty;
  limitShape(header!.cells.length, rows.length);
  return {
    format,
    encoding,
    delimiter,
    columns: header!.cells.map((c, i) => c || `column ${i + 1}`),
    rows: rows.map((r) => r.cells),
    rowNumbers: rows.map((r) => r.number),
    formulas: [],
  };
}

/**
 * Every sheet of a small XLSX workbook by name (trimmed, lower case), rows of
 * text read as `readTable` reads cells. Empty rows are kept, so that row
 * numbers match what the author sees. For forms and similar small workbooks:
 * the whole workbook is held, so the file is limited to 5 MB.
 */
export async function readSheets(buffer: Buffer): Promise<Map<string, string[][]>> {
  if (buffer.length > 5 * 1024 * 1024) throw new AppError('file.too_large');
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('file.unreadable');
  const workbook = await openWorkbook(buffer);
  const sheets = new Map<string, string[][]>();
  try {
    for (const sheet of workbook.sheets) {
      const rows: string[][] = [];
      for await (const batch of workbook.rows(sheet)) {
        for (const row of batch) {
          limitShape(row.cells.length, row.number);
          while (rows.length < row.number - 1) rows.push([]);
          rows.push(row.cells);
        }
      }
      sheets.set(sheet.name.trim().toLowerCase(), rows);
    }
  } finally {
    workbook.close();
  }
  return sheets;
}

/** Reads an uploaded CSV or XLSX file, refusing what is too large, malformed or hostile. */
export async function readTable(buffer: Buffer, filename: string, options?: ReadTableOptions): Promise<Table> {
  if (buffer.length > TABLE_LIMITS.bytes) throw new AppError('file.too_large');
  const isZip = buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (isZip) return readXlsx(buffer);
  if (/\.xlsx?$/i.test(filename)) throw new AppError('file.unreadable');
  return readCsv(buffer, options);
}
