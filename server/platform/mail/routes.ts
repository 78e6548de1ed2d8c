import { and, desc, eq, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery, Uuid } from '../../../contracts/common.js';
import { OutboxEntry, OutboxPage } from '../../../contracts/mail.js';
import { newestFirst, pageOf } from '../db/cursor.js';
import { AppError } from '../errors/app-error.js';
import { SECRET_PARAMS, type MailKind } from './queue-mail.js';
import { mailOutbox } from './tables.js';

const tags = ['mail'];

type Row = typeof mailOutbox.$inferSelect;

/**
 * The link of a mail is handed over only while no SMTP is configured (the
 * admins then pass links on themselves) and while it still works. Which
 * mails reach an organisation's outbox at all is the rule of README.md.
 */
export function handedOver(row: Row, smtpConfigured: boolean, now = new Date()): boolean {
  return !smtpConfigured && row.sealedBody !== null && (row.secretExpiresAt === null || row.secretExpiresAt > now);
}

function present(row: Row, smtpConfigured: boolean): OutboxEntry {
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

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/mail/outbox',
    { schema: { tags, querystring: PageQuery, response: { 200: OutboxPage } }, config: { auth: 'tenant', permission: 'mail.read' } },
    async (request) => {
      const rows = await app.tenant(request, (ctx) =>
        ctx.tx
          .select()
          .from(mailOutbox)
          .where(
            and(
              or(eq(mailOutbox.orgId, ctx.orgId), eq(mailOutbox.handoverOrgId, ctx.orgId)),
              newestFirst.after(mailOutbox.createdAt, mailOutbox.id, request.query.cursor),
            ),
          )
          .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
          .limit(request.query.limit + 1),
      );
      const page = pageOf(rows, request.query.limit, newestFirst.key);
      return { items: page.items.map((row) => present(row, app.mailer.sends)), nextCursor: page.nextCursor, smtpConfigured: app.mailer.sends };
    },
  );

  app.get(
    '/api/v1/mail/outbox/:id',
    { schema: { tags, params: z.object({ id: Uuid }), response: { 200: OutboxEntry } }, config: { auth: 'tenant', permission: 'mail.read' } },
    async (request) => {
      const [row] = await app.tenant(request, (ctx) =>
        ctx.tx.select().from(mailOutbox).where(and(eq(mailOutbox.id, request.params.id), or(eq(mailOutbox.orgId, ctx.orgId), eq(mailOutbox.handoverOrgId, ctx.orgId)))),
      );
      if (!row) throw new AppError('not_found');
      return present(row, app.mailer.sends);
    },
  );
};
