import type { Tx } from '../db/tenancy.js';
import { translator } from '../i18n/i18n.js';
import { mailOutbox, type MailAttachment } from './tables.js';

export type MailKind = 'invitation' | 'password_reset' | 'welcome' | 'renewal_reminder' | 'consultation_invitation' | 'consultation_reminder' | 'meeting_invitation' | 'action_overdue' | 'event_registration' | 'event_seat_confirmed' | 'event_reminder' | 'event_cancelled' | 'b2b_agenda' | 'networking_renewal' | 'led_follow_up' | 'training_evaluation' | 'led_call_resume' | 'follow_up_form' | 'info_digest';

/**
 * The parameters of each kind that hold a secret (a link whose token is the
 * credential). A new kind must say, so no token-bearing mail is readable by
 * mistake. A plain link into the app (`action_overdue`) is no secret: it asks
 * for a sign-in.
 */
export const SECRET_PARAMS: Record<MailKind, readonly string[]> = {
  invitation: ['link'],
  password_reset: ['link'],
  welcome: [],
  renewal_reminder: [],
  consultation_invitation: ['link'],
  consultation_reminder: ['link'],
  meeting_invitation: [],
  action_overdue: [],
  // A ticket code lets its holder be ticked present, nothing more: no secret.
  event_registration: [],
  event_seat_confirmed: [],
  event_reminder: [],
  event_cancelled: [],
  b2b_agenda: [],
  networking_renewal: [],
  // The lead partner's personal link to the follow-up form of their LED measure.
  led_follow_up: ['link'],
  // A partner's personal link back to their application to an LED call.
  led_call_resume: ['link'],
  // A course participant's personal link to a pre-test, post-test or satisfaction form.
  training_evaluation: ['link'],
  // A recipient's personal link to a follow-up form (surveys' follow-up-form-service: networking's deals).
  follow_up_form: ['link'],
  // Networking's weekly digest of new information entries: titles only.
  info_digest: [],
};

export interface QueuedMail {
  /** The organisation whose outbox holds the mail; null for a system mail no tenant sees. */
  orgId: string | null;
  kind: MailKind;
  to: string;
  locale: string;
  params: Record<string, string>;
  attachments?: MailAttachment[];
  /** When the secret stops working; past it the link is never handed over. */
  secretExpiresAt?: Date;
  /** Only for a system mail: the one organisation whose admins may hand its link over without SMTP. */
  handoverOrgId?: string | null;
}

/**
 * Puts a mail in the outbox inside the caller's transaction. Subject and
 * body come from the catalogue `mail.<kind>` in the recipient's language;
 * the readable body has its secrets withheld, the sealed one keeps them.
 */
export async function queueMail(tx: Tx, mail: QueuedMail) {
  const t = translator(mail.locale);
  const secrets = SECRET_PARAMS[mail.kind].filter((name) => mail.params[name]);
  const withheld = { ...mail.params, ...Object.fromEntries(secrets.map((name) => [name, t('mail.withheld')])) };
  const body = t(`mail.${mail.kind}.body`, mail.params);
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      orgId: mail.orgId,
      kind: mail.kind,
      toEmail: mail.to,
      subject: t(`mail.${mail.kind}.subject`, withheld),
      body: secrets.length ? t(`mail.${mail.kind}.body`, withheld) : body,
      sealedBody: secrets.length ? body : null,
      secretExpiresAt: secrets.length ? (mail.secretExpiresAt ?? null) : null,
      handoverOrgId: mail.orgId === null ? (mail.handoverOrgId ?? null) : null,
      attachments: mail.attachments ?? [],
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}
