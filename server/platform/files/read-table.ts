import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { AppError } from '../errors/app-error.js';

/** A spreadsheet as text: a header row and data rows, all cells strings. */
export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string;
  columns: string[];
  rows: string[][];
}

export const TABLE_LIMITS = { bytes: 25 * 1024 * 1024, columns: 200, rows: 200_000, unzippedBytes: 300 * 1024 * 1024, zipEntries: 5_000 };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

// An XLSX file is a zip: look at its directory before unpacking anything, so
// a zip bomb is refused without being inflated.
async function checkZip(buffer: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, z) => (err ? reject(new AppError('file.unreadable')) : resolve(z!))),
  );
  let entries = 0;
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries++;
      total += entry.uncompressedSize;
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
      if (entries > TABLE_LIMITS.zipEntries || total > TABLE_LIMITS.unzippedBytes || ratio > 1000) {
        zip.close();
        reject(new AppError('file.too_large'));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', () => reject(new AppError('file.unreadable')));
    zip.readEntry();
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // Formulas count by their last computed result, never by the formula.
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

function limitShape(columns: number, rows: number) {
  if (columns > TABLE_LIMITS.columns) throw new AppError('file.too_many_columns', { max: TABLE_LIMITS.columns });
  if (rows > TABLE_LIMITS.rows) throw new AppError('file.too_many_rows', { max: TABLE_LIMITS.rows });
}

async function readXlsx(buffer: Buffer): Promise<Table> {
  await checkZip(buffer);
  const rows: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        limitShape(values.length, rows.length);
        rows.push(values.map(cellText));
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('file.unreadable');
  }
  return toTable('xlsx', 'xlsx', rows);
}

function decode(buffer: Buffer): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    // Excel's "CSV" from a French or Spanish Windows is usually windows-1252.
    return { text: new TextDecoder('windows-1252').decode(buffer), encoding: 'windows-1252' };
  }
}

function readCsv(buffer: Buffer): Table {
  const { text, encoding } = decode(buffer);
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { delimiter: [',', ';', '\t'], relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, max_record_size: 1_000_000 });
  } catch {
    throw new AppError('file.unreadable');
  }
  return toTable('csv', encoding, rows);
}

function toTable(format: Table['format'], encoding: string, all: string[][]): Table {
  const nonEmpty = all.filter((r) => r.some((c) => c !== ''));
  if (nonEmpty.length < 2) throw new AppError('file.empty');
  const [header, ...rows] = nonEmpty;
  limitShape(header!.length, rows.length);
  return { format, encoding, columns: header!.map((c, i) => c || `column ${i + 1}`), rows };
}

/**
 * Every sheet of a small XLSX workbook by name, rows of text (empty rows
 * kept, so that row numbers match what the author sees). For forms and
 * similar small workbooks: the whole file is loaded, so it is limited to 5 MB.
 */
export async function readSheets(buffer: Buffer): Promise<Map<string, string[][]>> {
  if (buffer.length > 5 * 1024 * 1024) throw new AppError('file.too_large');
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('file.unreadable');
  await checkZip(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('file.unreadable');
  }
  const sheets = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    limitShape(sheet.columnCount, sheet.rowCount);
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const values = sheet.getRow(r).values as ExcelJS.CellValue[];
      // values is sparse and 1-based: read every column, holes included.
      rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])));
    }
    sheets.set(sheet.name.trim().toLowerCase(), rows);
  }
  return sheets;
}

/** Reads an uploaded CSV or XLSX file, refusing what is too large, malformed or hostile. */
export async function readTable(buffer: Buffer, filename: string): Promise<Table> {
  if (buffer.length > TABLE_LIMITS.bytes) throw new AppError('file.too_large');
  const isZip = buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (isZip) return readXlsx(buffer);
  if (/\.xlsx?$/i.test(filename)) throw new AppError('file.unreadable');
  return readCsv(buffer);
}
