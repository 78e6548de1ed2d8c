import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['pglite', 'postgres']).optional() });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Liveness: answers without the database, so a busy database never makes
  // an orchestrator restart a healthy process.
  app.get('/health', { schema: { tags: ['health'], response: { 200: Health } }, logLevel: 'warn' }, async () => ({ status: 'ok' as const }));

  // Readiness: the database answers.
  app.get('/ready', { schema: { tags: ['health'], response: { 200: Health, 503: Health } }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      await app.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: app.database.kind };
    } catch {
      reply.code(503);
      return { status: 'unavailable' as const, database: app.database.kind };
    }
  });
};
