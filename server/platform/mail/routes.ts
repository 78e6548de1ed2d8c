import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery, Uuid } from '../../../contracts/common.js';
import { OutboxEntry, OutboxPage } from '../../../contracts/mail.js';
import { decodeCursor, pageOf } from '../db/cursor.js';
import { AppError } from '../errors/app-error.js';
import { mailOutbox } from './tables.js';

const tags = ['mail'];

function present(row: typeof mailOutbox.$inferSelect): OutboxEntry {
  return {
    id: row.id,
    kind: row.kind,
    toEmail: row.toEmail,
    subject: row.subject,
    body: row.body,
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
      const after = decodeCursor<[string, string]>(request.query.cursor, 2);
      const rows = await app.tenant(request, (ctx) =>
        ctx.tx
          .select()
          .from(mailOutbox)
          .where(
            and(
              eq(mailOutbox.orgId, ctx.orgId),
              after ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
            ),
          )
          .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
          .limit(request.query.limit + 1),
      );
      const page = pageOf(rows, request.query.limit, (r) => [r.createdAt.toISOString(), r.id]);
      return { items: page.items.map(present), nextCursor: page.nextCursor, smtpConfigured: app.mailer.sends };
    },
  );

  app.get(
    '/api/v1/mail/outbox/:id',
    { schema: { tags, params: z.object({ id: Uuid }), response: { 200: OutboxEntry } }, config: { auth: 'tenant', permission: 'mail.read' } },
    async (request) => {
      const [row] = await app.tenant(request, (ctx) =>
        ctx.tx.select().from(mailOutbox).where(and(eq(mailOutbox.id, request.params.id), eq(mailOutbox.orgId, ctx.orgId))),
      );
      if (!row) throw new AppError('not_found');
      return present(row);
    },
  );
};
