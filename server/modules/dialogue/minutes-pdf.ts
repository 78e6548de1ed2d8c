import type { MeetingDetail } from '../../../contracts/dialogue.js';
import { renderPdf, section, title, write } from '../../platform/pdf/document.js';
import type { TFunction } from 'i18next';
import type { ClockFormat } from '../../platform/time.js';

/** The minutes of a meeting as the forum's members receive them: who came, the agenda, what was said and decided. */
export function minutesPdf(meeting: MeetingDetail, orgName: string, t: TFunction, format: ClockFormat): Promise<Buffer> {
  const names = (present: boolean) => meeting.attendance.filter((a) => a.present === present).map((a) => [a.name, a.affiliation].filter(Boolean).join(', ')).join('; ') || '—';
  return renderPdf({ title: meeting.title, author: orgName }, (doc) => {
    title(doc, meeting.title, [meeting.forumName, format.meetingTime(meeting.startsAt), meeting.location].filter(Boolean).join(' · '));
    section(doc, t('pdf.minutes.present'), names(true));
    section(doc, t('pdf.minutes.absent'), names(false));
    section(doc, t('pdf.minutes.agenda'), meeting.agenda.map((a, i) => `${i + 1}. ${a.title}`).join('\n'));
    section(doc, t('pdf.minutes.minutes'), meeting.minutes);
    section(doc, t('pdf.minutes.decisions'), meeting.decisions
      .map((d, i) => `${i + 1}. ${d.text}\n   ${t('pdf.minutes.owner', { owner: d.owner })}${d.dueOn ? ' · ' + t('pdf.minutes.due', { date: format.date(d.dueOn, 'long') }) : ''} · ${t(`pdf.decisionStatus.${d.status}`)}`)
      .join('\n'));
    doc.moveDown(2);
    write(doc, t('pdf.minutes.footer', { org: orgName }), { size: 8, color: '#777777' });
  });
}
