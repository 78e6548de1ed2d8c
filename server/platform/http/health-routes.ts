import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** How long /ready waits for the database before reporting it unavailable. */
export const READY_WITHIN_MS = 2_000;

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['pglite', 'postgres']).optional() });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Liveness: answers without the database, so a busy database never makes
  // an orchestrator restart a healthy process.
  app.get('/health', { schema: { tags: ['health'], response: { 200: Health } }, logLevel: 'warn' }, async () => ({ status: 'ok' as const }));

  // Readiness: the database answers, and soon. A database whose connections
  // are all held (the embedded one has one) made every request wait while
  // /ready kept waiting too instead of saying so.
  app.get('/ready', { schema: { tags: ['health'], response: { 200: Health, 503: Health } }, logLevel: 'warn' }, async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the database did not answer in time')), READY_WITHIN_MS);
    });
    const answer = app.database.db.execute(sql`select 1`);
    try {
      await Promise.race([answer, late]);
      return { status: 'ok' as const, database: app.database.kind };
    } catch {
      // The query may still answer later; its outcome no longer matters.
      answer.catch(() => undefined);
      reply.code(503);
      return { status: 'unavailable' as const, database: app.database.kind };
    } finally {
      clearTimeout(timer);
    }
  });
};
