import { and, desc, eq, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery, Uuid } from '../../../contracts/common.js';
import { OutboxEntry, OutboxPage } from '../../../contracts/mail.js';
import { newestFirst, pageOf } from '../db/cursor.js';
import { AppError } from '../errors/app-error.js';
import { mailOutbox } from './tables.js';
import { presentOutboxEntry } from './present.js';

const tags = ['mail'];

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
      return { items: page.items.map((row) => presentOutboxEntry(row, app.mailer.sends)), nextCursor: page.nextCursor, smtpConfigured: app.mailer.sends };
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
      return presentOutboxEntry(row, app.mailer.sends);
    },
  );
};
