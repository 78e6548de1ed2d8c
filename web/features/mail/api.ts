export const mailKeys = {
  outbox: ['outbox'] as const,
};

/** The outbox, a page at a time (`useCursorPages`; the first page says whether mail leaves, SMTP configured), and its download. */
export const outboxPath = '/api/v1/mail/outbox';
