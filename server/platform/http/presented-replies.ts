import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Replies of routes that declare `presentedReply` are written with
 * JSON.stringify alone, unless `check` (tests) asks for the schema's check.
 * Such a route answers with what a module's present function built, whose
 * type is the response schema's own, for many rows at a time: checking a
 * page of 50 firms against the schema on the way out (two identifiers and two
 * timestamps matched by pattern in each) cost more than writing it. The
 * schema still describes the reply (OpenAPI), and every test checks it, so a
 * present function that strays from its schema fails there.
 */
export const presentedReplies = fp(async (app: FastifyInstance, options: { check: boolean }) => {
  if (options.check) return;
  app.addHook('onRoute', (route) => {
    if (route.config?.presentedReply) route.serializerCompiler = () => (data) => JSON.stringify(data);
  });
});
