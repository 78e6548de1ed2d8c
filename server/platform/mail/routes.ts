import { and, eq, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TABLE_FORMATS, Uuid } from '../../../contracts/common.js';
import { OutboxEntry, OutboxFilter, OutboxPage, OutboxQuery } from '../../../contracts/mail.js';
import { AppError } from '../errors/app-error.js';
import { sendListExport, type ListExport } from '../export/list-export.js';
import { listOutbox } from './outbox-list.js';
import { mailOutbox } from './tables.js';
import { presentOutboxEntry } from './present.js';

const tags = ['mail'];

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/mail/outbox',
    { schema: { tags, querystring: OutboxQuery, response: { 200: OutboxPage } }, config: { auth: 'tenant', permission: 'mail.read' } },
    async (request) => ({ ...(await app.tenant(request, (ctx) => listOutbox(ctx, request.query, app.mailer.sends))), smtpConfigured: app.mailer.sends }),
  );

  /** The outbox as a file: what the list shows, in its order; the bodies stay on the screen. */
  const outboxExport: ListExport<OutboxEntry, OutboxFilter> = {
    name: 'outbox',
    columns: [
      { header: 'outbox.created', cell: (m) => m.createdAt },
      { header: 'outbox.to', cell: (m) => m.toEmail },
      { header: 'outbox.subject', cell: (m) => m.subject },
      { header: 'outbox.status', cell: (m, t) => t(`outbox.statuses.${m.status}`) },
      { header: 'outbox.sentAt', cell: (m) => m.sentAt ?? '' },
      { header: 'outbox.error', cell: (m) => m.lastError ?? '' },
    ],
    page: (ctx, query) => listOutbox(ctx, query, app.mailer.sends),
  };
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/mail/outbox/export.${format}`, { schema: { tags, querystring: OutboxFilter }, config: { auth: 'tenant', permission: 'mail.read' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, outboxExport, request.query));
  }

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
