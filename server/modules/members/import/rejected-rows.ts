import type { ImportReport } from '../../../../contracts/member-import.js';
import type { Table } from '../../../platform/files/read-table.js';
import { translator } from '../../../platform/i18n/i18n.js';

/**
 * The rejected rows as a workbook to correct and import again: the original
 * cells under the original headers, then the row number in the uploaded file
 * and the reasons in the person's language. Those two columns are added at
 * the end so that the columns of the file keep their places.
 */
export async function rejectedRowsWorkbook(table: Table, report: ImportReport, locale: string): Promise<Buffer> {
  // exceljs is loaded on first use: it is the heaviest package to load at start.
  const { default: ExcelJS } = await import('exceljs');
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('members.import.rejectedSheet').slice(0, 31));
  const header = sheet.addRow([...table.columns, t('members.import.rejectedRow'), t('members.import.rejectedReasons')]);
  header.font = { bold: true };
  for (const r of report.rejected) {
    const cells = table.rows[r.row - 2] ?? [];
    const reasons = r.problems.map((p) => `${t(`members.import.fields.${p.field}`, { defaultValue: p.field })}: ${p.message}`).join('\n');
    // Cells go back as text, the way they were read: a registration number keeps its leading zeros.
    sheet.addRow([...table.columns.map((_, i) => cells[i] ?? ''), r.row, reasons]);
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.getColumn(table.columns.length + 2).width = 60;
  sheet.getColumn(table.columns.length + 2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
