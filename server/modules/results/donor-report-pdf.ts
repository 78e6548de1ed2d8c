import type { TFunction } from 'i18next';
import { renderPdf, title, write } from '../../platform/pdf/document.js';
import { table } from '../../platform/pdf/table.js';
import type { DonorReport } from './donor-report.js';

/**
 * The donor report as a PDF: per indicator its figure against its target, and
 * each breakdown as a table with a bar beside every figure (the chart and its
 * table in one), ending with the total the parts add up to.
 */
export function donorReportPdf(report: DonorReport, t: TFunction, orgName: string): Promise<Buffer> {
  return renderPdf({ title: report.title, author: orgName }, (doc) => {
    title(doc, report.title, report.lines.join('\n'));
    if (report.warning) write(doc, report.warning, { weight: 'bold', color: '#b42318' });
    if (!report.indicators.length) write(doc, t('results.noIndicators'));
    table(
      doc,
      [{ share: 5 }, { share: 2 }, { share: 2, align: 'end' }, { share: 2, align: 'end' }, { share: 3, align: 'end' }],
      [t('results.report.indicator'), t('results.level'), t('results.report.baseline'), t('results.target'), t('results.figure')],
      report.indicators.map((i) => [
        [i.name, i.unit].filter(Boolean).join(' · '),
        i.level,
        i.baseline === null ? '—' : String(i.baseline),
        i.target === null ? '—' : `${i.target}${i.progress === null ? '' : ` (${i.progress} %)`}`,
        i.total.text,
      ]),
    );
    for (const indicator of report.indicators) {
      if (!indicator.breakdowns.length) continue;
      doc.moveDown(0.8);
      write(doc, indicator.name, { weight: 'bold', size: 12 });
      write(doc, [indicator.level, indicator.kind, t('results.records', { count: indicator.records })].filter(Boolean).join(' · '), { size: 9, color: '#555555' });
      for (const breakdown of indicator.breakdowns) {
        doc.moveDown(0.4);
        const largest = Math.max(0, ...breakdown.rows.map((r) => r.figure.value ?? 0));
        // Shares are drawn against 100 %, counts against the largest category.
        const scale = indicator.share ? 100 : largest;
        table(
          doc,
          [{ share: 5 }, { share: 3 }, { share: 3, align: 'end' }],
          [breakdown.dimension, '', t('results.figure')],
          [
            ...breakdown.rows.map((r) => [r.category, { text: '', bar: scale > 0 && r.figure.value !== null ? r.figure.value / scale : 0 }, r.figure.text]),
            [t('results.total'), '', indicator.total.text],
          ],
        );
        if (breakdown.overlap) write(doc, breakdown.overlap, { size: 8.5, color: '#555555' });
      }
    }
    if (report.corrections.length) {
      doc.moveDown(0.8);
      write(doc, t('results.corrections'), { weight: 'bold', size: 12 });
      table(
        doc,
        [{ share: 5 }, { share: 3, align: 'end' }, { share: 3, align: 'end' }, { share: 2, align: 'end' }, { share: 2, align: 'end' }],
        [t('results.report.indicator'), t('results.report.reported'), t('results.report.now'), t('results.report.added'), t('results.report.gone')],
        report.corrections.map((c) => [c.name, c.reported.text, c.now.text, String(c.added), String(c.gone)]),
      );
    }
    if (report.budgets.length || report.transactionTotals.length) {
      doc.moveDown(0.8);
      write(doc, t('results.finance.title'), { weight: 'bold', size: 12 });
      if (report.budgets.length) {
        table(
          doc,
          [{ share: 5 }, { share: 2 }, { share: 2 }, { share: 3, align: 'end' }],
          [t('results.finance.period'), t('results.finance.type'), t('results.finance.status'), t('results.finance.value')],
          report.budgets.map((b) => [b.period, b.type, b.status, b.amount.text]),
        );
      }
      if (report.transactionTotals.length) {
        doc.moveDown(0.4);
        table(
          doc,
          [{ share: 5 }, { share: 2, align: 'end' }, { share: 3, align: 'end' }],
          [t('results.finance.transactions'), t('results.finance.count'), t('results.finance.value')],
          report.transactionTotals.map((s) => [s.type, String(s.count), s.amount.text]),
        );
      }
    }
    doc.moveDown(1.5);
    write(doc, report.footer, { size: 8, color: '#777777' });
  });
}
