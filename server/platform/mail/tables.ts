import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

// Every outgoing mail is written here in the transaction that caused it, so a
// rolled-back action sends nothing. Without SMTP it stays here for admins to
// read; with SMTP the dispatcher sends it and records the outcome. Who may
// read a secret-bearing mail's link: README.md.
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id'),
    kind: text('kind').notNull(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    /** What people may read: a personal link in it is withheld. */
    body: text('body').notNull(),
    /** The body with its link, for the recipient only; cleared once sent. */
    sealedBody: text('sealed_body'),
    /** After this the link no longer works, so it is not handed over any more. */
    secretExpiresAt: timestamp('secret_expires_at', { withTimezone: true, precision: 3 }),
    /** A system mail whose link this organisation's admins may hand over while no SMTP is configured. */
    handoverOrgId: uuid('handover_org_id'),
    /** Small text files sent with the mail, such as a meeting's iCalendar invitation. */
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('mail_outbox_org_idx').on(t.orgId, t.createdAt),
    index('mail_outbox_handover_idx').on(t.handoverOrgId, t.createdAt).where(sql`${t.handoverOrgId} IS NOT NULL`),
    index('mail_outbox_pending_idx').on(t.status).where(sql`${t.status} = 'pending'`),
    check('mail_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);
