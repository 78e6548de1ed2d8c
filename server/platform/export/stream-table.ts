import { PassThrough, type Readable } from 'node:stream';
import type { TableFormat } from '../../../contracts/common.js';
import { csvWriter, writeRow } from './csv.js';
import { DownloadAbandoned, drained } from './drained.js';

export type { TableFormat };
export type WriteRow = (row: unknown[]) => Promise<void>;

export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Streams a table as CSV or XLSX while `produce` reads it (typically batch
 * by batch inside a tenant transaction): memory stays flat however many rows
 * there are. A failure half-way ends the download with an error rather than
 * a silently short file; a reader who leaves ends `produce` (and so its
 * transaction) at its next row.
 */
export function streamTable(format: TableFormat, sheetName: string, columns: string[], produce: (write: WriteRow) => Promise<void>): Readable {
  if (format === 'csv') {
    const csv = csvWriter(columns);
    produce((row) => writeRow(csv, row)).then(
      () => csv.end(),
      (error) => csv.destroy(error),
    );
    return csv;
  }
  const out = new PassThrough();
  // exceljs is loaded by the first XLSX download: it weighed on every start.
  void import('exceljs').then(({ default: ExcelJS }) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow(columns).commit();
    // Cells are written as text or numbers, never as formulas, so no neutralising is needed here.
    return produce(async (row) => {
      if (out.destroyed) throw new DownloadAbandoned();
      sheet.addRow(row).commit();
      // The workbook's zip is piped into `out`: wait while the reader is behind, and stop once it has gone.
      await drained(out);
    }).then(
      async () => {
        sheet.commit();
        await workbook.commit();
      },
      (error) => out.destroy(error),
    );
  }, (error) => out.destroy(error));
  return out;
}
