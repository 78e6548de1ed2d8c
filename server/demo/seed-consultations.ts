import { eq } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import type { TenantCtx, Tx } from '../platform/db/tenancy.js';
import { createConsultation, openConsultation } from '../modules/surveys/consultation-service.js';
import { createForm } from '../modules/surveys/form-service.js';
import { saveResponse } from '../modules/surveys/respond-service.js';
import { consultationInvitations } from '../modules/surveys/tables.js';
import { portClearanceForm } from './port-clearance-form.js';

// What firms write in a free-text answer: each in their own words (a clause of what happened and,
// for some, what they ask for), so no two dozen answers read the same.
const HAPPENED = [
  'Inspections at Tema take a week',
  'There are informal fees at every desk',
  'The ICUMS system was down three days in March',
  'Clearing agents ask for money to move our file',
  'Our shea shipments wait for a second scan for no reason',
  'We paid demurrage twice this year because of the queue',
  'The exam at the terminal and the one at the warehouse ask for the same papers',
  'Our container of kente yarn sat eleven days before anyone looked at it',
  'Nobody could tell us which office holds our declaration',
  'The new valuation rules were applied before they were published',
  'Our agent says the scanner at Takoradi is broken again',
  'We lost an export order because the cocoa samples were held',
];
const ASKED = [
  'One joint inspection would do.',
  'Publish the official charges.',
  'Let us pay duties by mobile money.',
  'Give small importers a fast lane.',
  'Put the rules online before they apply.',
  'Tell us by SMS when the file moves.',
  '',
];
/** The i-th firm's comment: a clause and, for most, a request (HAPPENED and ASKED have no common factor). */
export function demoComment(i: number) {
  const asked = ASKED[(i * 5) % ASKED.length]!;
  return `${HAPPENED[Math.floor(i / 2) % HAPPENED.length]!}.${asked ? ` ${asked}` : ''}`;
}

/**
 * The consultation on port clearance delays the demo world promises: sent to
 * every active member of the national chamber, answered by about two thirds
 * of them, a few by phone. Answers follow a seeded pattern, not chance.
 */
export async function seedDemoConsultation(tx: Tx, orgId: string, actor: { userId: string; name: string }, publicUrl: string, unanswered: string[] = []) {
  const ctx: TenantCtx = { tx, orgId, role: 'admin' as Role, actor, locale: 'en' };
  const form = await createForm(ctx, { definition: portClearanceForm(), purpose: 'survey' });
  const consultation = await createConsultation(ctx, { title: 'Port clearance delays 2026', formId: form.id, identity: 'firm', audience: {}, closesOn: '2026-12-31' });
  await openConsultation(ctx, consultation.id, publicUrl);
  const invited = await tx.select({ memberId: consultationInvitations.memberId }).from(consultationInvitations).where(eq(consultationInvitations.consultationId, consultation.id));
  let i = 0;
  for (const { memberId } of invited) {
    i++;
    if (i % 3 === 0 || unanswered.includes(memberId)) continue; // a third have not answered: reminders have work to do
    const imports = i % 4 !== 1;
    const answers: Record<string, unknown> = {
      imports: imports ? 'yes' : 'no',
      satisfaction: 1 + (i % 4),
      rating: { speed: i % 5 === 0 ? 'good' : 'poor', cost: i % 2 ? 'poor' : 'good' },
      ...(imports ? { days: 4 + ((i * 7) % 19), problems: [['inspection'], ['fees', 'inspection'], ['systems'], ['fees']][i % 4] } : {}),
      ...(i % 2 ? { comment: demoComment(i) } : {}),
    };
    await saveResponse(ctx, { orgId, consultationId: consultation.id, memberId }, { answers, submit: true, channel: i % 7 === 0 ? 'phone' : 'web' });
  }
  return consultation.id;
}
