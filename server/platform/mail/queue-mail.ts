import type { Tx } from '../db/tenancy.js';
import { translator } from '../i18n/i18n.js';
import { mailOutbox, type MailAttachment } from './tables.js';

export type MailKind = 'invitation' | 'password_reset' | 'welcome' | 'renewal_reminder' | 'consultation_invitation' | 'consultation_reminder' | 'meeting_invitation' | 'action_overdue';

/**
 * Puts a mail in the outbox inside the caller's transaction. Subject and
 * body come from the catalogue `mail.<kind>` in the recipient's language.
 */
export async function queueMail(
  tx: Tx,
  mail: { orgId: string | null; kind: MailKind; to: string; locale: string; params: Record<string, string>; attachments?: MailAttachment[] },
) {
  const t = translator(mail.locale);
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      orgId: mail.orgId,
      kind: mail.kind,
      toEmail: mail.to,
      subject: t(`mail.${mail.kind}.subject`, mail.params),
      body: t(`mail.${mail.kind}.body`, mail.params),
      attachments: mail.attachments ?? [],
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}
