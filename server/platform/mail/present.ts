import type { OutboxEntry } from '../../../contracts/mail.js';
import { clock } from '../clock.js';
import { SECRET_PARAMS, type MailKind } from './queue-mail.js';
import type { mailOutbox } from './tables.js';

// How the API shows the outbox (routes.ts answers through these).

type Row = typeof mailOutbox.$inferSelect;

/**
 * The link of a mail is handed over only while no SMTP is configured (the
 * admins then pass links on themselves) and while it still works. Which
 * mails reach an organisation's outbox at all is the rule of README.md.
 */
export function handedOver(row: Row, smtpConfigured: boolean, now = clock.now()): boolean {
  return !smtpConfigured && row.sealedBody !== null && (row.secretExpiresAt === null || row.secretExpiresAt > now);
}

export function presentOutboxEntry(row: Row, smtpConfigured: boolean): OutboxEntry {
  const shown = handedOver(row, smtpConfigured);
  return {
    id: row.id,
    kind: row.kind,
    toEmail: row.toEmail,
    subject: row.subject,
    body: shown ? row.sealedBody! : row.body,
    linkWithheld: (SECRET_PARAMS[row.kind as MailKind]?.length ?? 0) > 0 && !shown,
    attachments: row.attachments,
    status: row.status as OutboxEntry['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
