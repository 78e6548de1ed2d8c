import type { TFunction } from 'i18next';
import type { B2bAgenda } from '../../../contracts/b2b.js';
import { renderPdf, title, write } from '../../platform/pdf/document.js';
import { table } from '../../platform/pdf/table.js';
import type { ClockFormat } from '../../platform/time.js';

/** A participant's agenda on paper: the event, the version (marked when changed), one row a meeting: time, table, with whom. */
export async function agendaPdf(facts: { name: string; firm: string | null; title: string; venue: string; orgName: string }, agenda: B2bAgenda, t: TFunction, format: ClockFormat): Promise<Buffer> {
  const heading = t('pdf.b2bAgenda.title', { title: facts.title });
  return renderPdf({ title: `${heading}: ${facts.name}`, author: facts.orgName }, (doc) => {
    title(doc, heading, facts.orgName);
    doc.moveDown(0.5);
    write(doc, facts.firm ? `${facts.name} — ${facts.firm}` : facts.name, { weight: 'bold', size: 14 });
    if (facts.venue) write(doc, facts.venue, { size: 10, color: '#555555' });
    write(doc, agenda.version ? t(agenda.changed ? 'pdf.b2bAgenda.versionChanged' : 'pdf.b2bAgenda.version', { version: agenda.version, date: agenda.issuedAt ? format.dateTime(agenda.issuedAt) : '' }) : t('pdf.b2bAgenda.notIssued'), { size: 10, color: agenda.changed ? '#b00020' : '#555555' });
    doc.moveDown(0.8);
    if (!agenda.items.length) {
      write(doc, t('pdf.b2bAgenda.none'));
      return;
    }
    table(doc, [{ share: 2 }, { share: 1.2 }, { share: 4 }], [t('pdf.b2bAgenda.time'), t('pdf.b2bAgenda.table'), t('pdf.b2bAgenda.with')],
      agenda.items.map((i) => [`${format.time(i.startsAt)}–${format.time(i.endsAt)}`, i.table, i.firm ? `${i.with} (${i.firm})` : i.with]));
  });
}
