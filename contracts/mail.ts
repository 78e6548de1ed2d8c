import { z } from 'zod';
import { PageQuery, SortParam } from './common.js';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const OutboxEntry = z.object({
  id: z.uuid(),
  kind: z.string(),
  toEmail: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The mail carries a personal link that only its recipient gets (SMTP is configured, or the link expired). */
  linkWithheld: z.boolean(),
  /** Files sent with the mail, such as a meeting's calendar invitation. */
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
export const OutboxPage = z.object({ items: z.array(OutboxEntry), nextCursor: z.string().nullable(), smtpConfigured: z.boolean() });

/** The columns the outbox sorts by: when queued (newest first by default), the recipient, the subject. */
export const OUTBOX_SORTS = ['created', 'to', 'subject'] as const;
export const OutboxFilter = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  /** A part of the recipient's address or of the subject. */
  q: z.string().trim().max(200).optional(),
  sort: SortParam(OUTBOX_SORTS, '-created'),
});
export type OutboxFilter = z.infer<typeof OutboxFilter>;
export const OutboxQuery = PageQuery.extend(OutboxFilter.shape);
export type OutboxQuery = z.infer<typeof OutboxQuery>;
