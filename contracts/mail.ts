import { z } from 'zod';

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
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
export const OutboxPage = z.object({ items: z.array(OutboxEntry), nextCursor: z.string().nullable(), smtpConfigured: z.boolean() });
