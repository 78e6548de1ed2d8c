import type { TFunction } from 'i18next';
import type { DonorReport, ReportFigure } from './donor-report.js';

/**
 * The donor report as a workbook: the indicators, their breakdowns (one row
 * per category, then the total), any corrections and the period's budget lines
 * and transaction totals, each on its own sheet.
 * Figures are numbers a spreadsheet can add (a pooled share as its percent),
 * with the words beside them; texts are never formulas.
 */
export async function donorReportXlsx(report: DonorReport, t: TFunction): Promise<Buffer> {
  // exceljs is loaded by the first workbook: it weighed on every start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const value = (f: ReportFigure) => f.value ?? f.text;

  const summary = book.addWorksheet(t('results.report.sheets.indicators'));
  summary.addRow([report.title]).font = { bold: true, size: 14 };
  for (const line of report.lines) summary.addRow([line]);
  if (report.warning) summary.addRow([report.warning]).font = { bold: true, color: { argb: 'FFB42318' } };
  summary.addRow([]);
  const header = summary.addRow([t('results.report.indicator'), t('results.level'), t('results.kind'), t('results.unit'), t('results.report.baseline'), t('results.target'), t('results.figure'), t('results.report.inWords'), t('results.report.progress'), t('results.report.recordCount')]);
  header.font = { bold: true };
  for (const i of report.indicators) summary.addRow([i.name, i.level, i.kind, i.unit, i.baseline, i.target, value(i.total), i.total.text, i.progress, i.records]);
  summary.columns.forEach((c, n) => (c.width = n === 0 ? 48 : 16));

  const breakdowns = book.addWorksheet(t('results.report.sheets.breakdowns'));
  breakdowns.addRow([t('results.report.indicator'), t('results.report.dimension'), t('results.report.category'), t('results.figure'), t('results.report.inWords')]).font = { bold: true };
  for (const i of report.indicators) {
    for (const b of i.breakdowns) {
      for (const r of b.rows) breakdowns.addRow([i.name, b.dimension, r.category, value(r.figure), r.figure.text]);
      breakdowns.addRow([i.name, b.dimension, t('results.total'), value(i.total), i.total.text]).font = { bold: true };
    }
  }
  breakdowns.columns.forEach((c, n) => (c.width = n === 0 || n === 2 ? 40 : 18));

  if (report.corrections.length) {
    const corrections = book.addWorksheet(t('results.report.sheets.corrections'));
    corrections.addRow([t('results.report.indicator'), t('results.report.reported'), t('results.report.now'), t('results.report.added'), t('results.report.gone')]).font = { bold: true };
    for (const c of report.corrections) corrections.addRow([c.name, value(c.reported), value(c.now), c.added, c.gone]);
  }
  if (report.budgets.length || report.transactionTotals.length) {
    const money = book.addWorksheet(t('results.finance.title'));
    money.addRow([t('results.finance.budgets')]).font = { bold: true };
    money.addRow([t('results.finance.period'), t('results.finance.type'), t('results.finance.status'), t('results.finance.value'), t('results.finance.currency')]).font = { bold: true };
    for (const b of report.budgets) money.addRow([b.period, b.type, b.status, b.amount.value, b.currency]);
    money.addRow([]);
    money.addRow([t('results.finance.transactions')]).font = { bold: true };
    money.addRow([t('results.finance.type'), t('results.finance.count'), '', t('results.finance.value'), t('results.finance.currency')]).font = { bold: true };
    for (const s of report.transactionTotals) money.addRow([s.type, s.count, '', s.amount.value, s.currency]);
    money.columns.forEach((c, n) => (c.width = n === 0 ? 30 : 18));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
