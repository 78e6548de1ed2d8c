import type { TFunction } from 'i18next';
import type { Paper } from '../../../contracts/position-papers.js';
import { renderPdf, section, title } from '../../platform/pdf/document.js';

/** A position paper's version as the document the organisation hands to decision-makers. */
export function paperPdf(paper: Paper, orgName: string, t: TFunction, locale: string): Promise<Buffer> {
  const v = paper.shown;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(v.createdAt));
  const approved = paper.approvedVersion === v.version;
  return renderPdf({ title: paper.title, author: orgName }, (doc) => {
    title(doc, paper.title, [orgName, t('pdf.paper.version', { version: v.version, date }), approved ? t('pdf.paper.approved') : t('pdf.paper.notApproved')].join(' · '));
    section(doc, t('pdf.paper.problem'), v.problem);
    section(doc, t('pdf.paper.evidence'), v.evidence);
    section(doc, t('pdf.paper.proposals'), v.proposals);
    section(doc, t('pdf.paper.expectedImpact'), v.expectedImpact);
  });
}
