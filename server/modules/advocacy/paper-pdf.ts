import type { TFunction } from 'i18next';
import type { Paper } from '../../../contracts/position-papers.js';
import { renderPdf, section, title } from '../../platform/pdf/document.js';
import type { ClockFormat } from '../../platform/time.js';

/** A position paper's version as the document the organisation hands to decision-makers. */
export function paperPdf(paper: Paper, orgName: string, t: TFunction, format: ClockFormat): Promise<Buffer> {
  const v = paper.shown;
  const date = format.date(v.createdAt, 'long');
  const approved = paper.approvedVersion === v.version;
  // The version's own title: a draft's new title is not yet the approved paper's.
  return renderPdf({ title: v.title, author: orgName }, (doc) => {
    title(doc, v.title, [orgName, t('pdf.paper.version', { version: v.version, date }), approved ? t('pdf.paper.approved') : t('pdf.paper.notApproved')].join(' · '));
    section(doc, t('pdf.paper.problem'), v.problem);
    section(doc, t('pdf.paper.evidence'), v.evidence);
    section(doc, t('pdf.paper.proposals'), v.proposals);
    section(doc, t('pdf.paper.expectedImpact'), v.expectedImpact);
  });
}
