import type { OutboxEntry } from '../../../contracts/mail.js';
import { api, withQuery } from '../../app/api.js';

export const mailKeys = {
  outbox: ['outbox'] as const,
};

/** One page of the outbox, and whether mail leaves it (SMTP configured). */
export const fetchOutboxPage = (cursor: string | undefined) =>
  api<{ items: OutboxEntry[]; nextCursor: string | null; smtpConfigured: boolean }>(withQuery('/api/v1/mail/outbox', { limit: 30, cursor }));
