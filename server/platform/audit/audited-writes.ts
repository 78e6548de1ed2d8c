import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** How many audit entries, each naming its record, a request has written so far. */
export interface AuditTally {
  entries: number;
}

const current = new AsyncLocalStorage<AuditTally>();

/** Called by `recordAudit` for each entry it writes: counts it for the request being served, if any. */
export function countAuditEntry(entry: { entityType: string; entityId: string }) {
  const tally = current.getStore();
  if (tally && entry.entityType && entry.entityId) tally.entries++;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A write that succeeded without an audit entry; thrown in tests, logged in production. */
export class UnauditedWrite extends Error {
  constructor(method: string, url: string) {
    super(`${method} ${url} succeeded without an audit entry: call recordAudit in its transaction, or declare the route's config.unaudited with the reason`);
  }
}

/**
 * Auditing as part of the write path: every request that may write (any method but
 * GET, HEAD, OPTIONS) to a route of the route table (one that declares `auth`) is
 * served inside a tally that `recordAudit` counts into, whichever transaction it
 * writes in (tenant or system). When such a request succeeds (2xx) and wrote no
 * entry naming a record, and the route does not declare `config.unaudited` (the
 * reason it writes nothing of an organisation's), it is an error: with `strict`
 * (the tests) the answer becomes a 500, so every test that succeeds at a write
 * checks it; otherwise it is logged at error level and the answer goes out.
 */
export const auditedWrites = fp(async (app: FastifyInstance, options: { strict: boolean }) => {
  const tallies = new WeakMap<object, AuditTally>();

  // Not onRequest: the body is parsed after it, from the request stream's events,
  // which would lose the context. preValidation runs once the body is read and
  // calls the rest of the chain (validation, preHandler, handler) from `done`.
  app.addHook('preValidation', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method) || !request.routeOptions.config?.auth) return done();
    const tally: AuditTally = { entries: 0 };
    tallies.set(request, tally);
    current.run(tally, done);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const tally = tallies.get(request);
    if (!tally || tally.entries > 0 || reply.statusCode < 200 || reply.statusCode >= 300) return payload;
    if (request.routeOptions.config?.unaudited) return payload;
    const error = new UnauditedWrite(request.method, request.routeOptions.url ?? request.url);
    if (options.strict) {
      // The 500's body says only "something went wrong": the test's output says what.
      console.error(error.message);
      throw error;
    }
    request.log.error(error.message);
    return payload;
  });
});

/**
 * For a write request that, as it turned out, changed nothing (moving an issue to
 * the step it is at, publishing what is published): there is nothing to audit,
 * and saying so satisfies the check. Anything written must be audited instead.
 */
export function nothingChanged() {
  const tally = current.getStore();
  if (tally) tally.entries++;
}
