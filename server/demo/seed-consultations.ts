import { eq } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import type { TenantCtx, Tx } from '../platform/db/tenancy.js';
import { createConsultation, openConsultation } from '../modules/surveys/consultation-service.js';
import { createForm } from '../modules/surveys/form-service.js';
import { saveResponse } from '../modules/surveys/respond-service.js';
import { consultationInvitations } from '../modules/surveys/tables.js';
import { portClearanceForm } from './port-clearance-form.js';

const COMMENTS = [
  'Inspections at Tema take a week; one joint inspection would do.',
  'Informal fees at every desk. Publish the official charges.',
  'The ICUMS system was down three days in March.',
  'Clearing agents ask for money to move our file.',
  'Our shea shipments wait for a second scan for no reason.',
  'Let us pay duties by mobile money.',
];

/**
 * The consultation on port clearance delays the demo world promises: sent to
 * every active member of the national chamber, answered by about two thirds
 * of them, a few by phone. Answers follow a seeded pattern, not chance.
 */
export async function seedDemoConsultation(tx: Tx, orgId: string, actor: { userId: string; name: string }, publicUrl: string) {
  const ctx: TenantCtx = { tx, orgId, role: 'admin' as Role, actor, locale: 'en' };
  const form = await createForm(ctx, { definition: portClearanceForm(), purpose: 'survey' });
  const consultation = await createConsultation(ctx, { title: 'Port clearance delays 2026', formId: form.id, identity: 'firm', audience: {}, closesOn: '2026-12-31' });
  await openConsultation(ctx, consultation.id, publicUrl);
  const invited = await tx.select({ memberId: consultationInvitations.memberId }).from(consultationInvitations).where(eq(consultationInvitations.consultationId, consultation.id));
  let i = 0;
  for (const { memberId } of invited) {
    i++;
    if (i % 3 === 0) continue; // a third have not answered: reminders have work to do
    const imports = i % 4 !== 1;
    const answers: Record<string, unknown> = {
      imports: imports ? 'yes' : 'no',
      satisfaction: 1 + (i % 4),
      rating: { speed: i % 5 === 0 ? 'good' : 'poor', cost: i % 2 ? 'poor' : 'good' },
      ...(imports ? { days: 4 + ((i * 7) % 19), problems: [['inspection'], ['fees', 'inspection'], ['systems'], ['fees']][i % 4] } : {}),
      ...(i % 2 ? { comment: COMMENTS[i % COMMENTS.length] } : {}),
    };
    await saveResponse(ctx, { orgId, consultationId: consultation.id, memberId }, { answers, submit: true, channel: i % 7 === 0 ? 'phone' : 'web' });
  }
  return consultation.id;
}
