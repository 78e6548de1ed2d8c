import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { withSystem } from '../db/tenancy.js';
import { mailOutbox } from './tables.js';

const MAX_ATTEMPTS = 5;

export interface Mailer {
  /** True when an SMTP server is configured and mail leaves the outbox. */
  readonly sends: boolean;
  /**
   * Sends what is pending now: called after a request queued mail, and every minute by the
   * `mail-dispatch` job (server/main.ts) for what is left (retries, mail queued by other jobs).
   */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Sends the outbox through SMTP. Rows are claimed with SKIP LOCKED, so
 * several app processes on one database never send the same mail twice.
 */
export function createMailer(db: NodePgDatabase, options: { smtpUrl?: string; from: string; log: FastifyBaseLogger }): Mailer {
  const { smtpUrl } = options;
  // nodemailer is loaded by the first batch, and only where SMTP is configured:
  // it weighed on every start, and an embedded install often never sends.
  let transport: Promise<Transporter> | undefined;
  const smtp = (url: string) => (transport ??= import('nodemailer').then((m) => m.default.createTransport(url)));
  let running: Promise<number> | undefined;

  async function sendBatch(): Promise<number> {
    if (!smtpUrl) return 0;
    const sender = await smtp(smtpUrl);
    let sent = 0;
    for (;;) {
      const done = await withSystem(db, async (tx) => {
        const [mail] = await tx
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.status, 'pending'), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
          .orderBy(asc(mailOutbox.createdAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!mail) return false;
        try {
          await sender.sendMail({ from: options.from, to: mail.toEmail, subject: mail.subject, text: mail.sealedBody ?? mail.body, attachments: mail.attachments });
          // Once the recipient has the link, no copy of it stays behind.
          await tx.update(mailOutbox).set({ status: 'sent', sentAt: sql`now()`, attempts: mail.attempts + 1, sealedBody: null }).where(eq(mailOutbox.id, mail.id));
          sent++;
        } catch (error) {
          const attempts = mail.attempts + 1;
          options.log.warn({ err: error, mailId: mail.id }, 'mail not sent');
          await tx
            .update(mailOutbox)
            // A mail given up on is never sent, so its link is dropped with it.
            .set({ attempts, lastError: String((error as Error).message).slice(0, 500), ...(attempts >= MAX_ATTEMPTS ? { status: 'failed', sealedBody: null } : {}) })
            .where(eq(mailOutbox.id, mail.id));
          return false;
        }
        return true;
      });
      if (!done) return sent;
    }
  }

  return {
    sends: Boolean(smtpUrl),
    flush() {
      // One batch at a time per process; a flush during a batch joins it.
      running ??= sendBatch().finally(() => (running = undefined));
      return running;
    },
    async stop() {
      await running?.catch(() => undefined);
      (await transport?.catch(() => undefined))?.close();
    },
  };
}
