import { gt, sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { auditLog } from '../platform/audit/tables.js';
import type { RouteEntry } from '../platform/http/authenticate.js';
import type { TestApp } from './app.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The route of the table a request reached: the one matching with the fewest parameters. */
export function routeOf(routes: RouteEntry[], method: string, url: string): RouteEntry | undefined {
  const path = url.split('?')[0]!;
  const matching = routes.filter((r) => r.method === method && new RegExp(`^${r.url.replace(/:\w+/g, '[^/]+')}$`).test(path));
  return matching.sort((a, b) => (a.url.match(/:/g)?.length ?? 0) - (b.url.match(/:/g)?.length ?? 0))[0];
}

export interface WriteSeen {
  route: string;
  url: string;
  status: number;
  /** Audit entries written during the request. */
  entries: Array<{ action: string; entityType: string; entityId: string }>;
  /** One of them names a record: its type and id. */
  namesRecord: boolean;
  /** One of them names a record the request or its answer carries the id of (most do). */
  namesRequested: boolean;
}

/**
 * Records, for every successful request other than GET made through the test
 * app (clients call `app.inject`), the audit entries written while it ran.
 * The app runs one request at a time in these tests, so the entries with a
 * higher id than before the request are the request's own.
 */
export function watchWrites(t: TestApp) {
  const seen: WriteSeen[] = [];
  let app: FastifyInstance | undefined;
  const lastId = async () => {
    const [row] = await t.database.db.select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)::bigint` }).from(auditLog);
    return Number(row!.id);
  };
  return {
    seen,
    /** Call in beforeAll, once the app is up. */
    start() {
      app = t.app;
      const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<Awaited<ReturnType<FastifyInstance['inject']>>>;
      (app as { inject: unknown }).inject = async (options: InjectOptions) => {
        const method = (options.method ?? 'GET').toUpperCase();
        if (SAFE_METHODS.has(method)) return inject(options);
        const before = await lastId();
        const res = await inject(options);
        if (res.statusCode >= 200 && res.statusCode < 300) {
          const route = routeOf(app!.routeTable, method, options.url as string);
          const entries = await t.database.db
            .select({ action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after })
            .from(auditLog)
            .where(gt(auditLog.id, before));
          const named = `${options.url as string} ${JSON.stringify(options.payload ?? '')} ${res.body}`;
          seen.push({
            route: route ? `${route.method} ${route.url}` : `${method} ${options.url as string}`,
            url: options.url as string,
            status: res.statusCode,
            entries: entries.map(({ action, entityType, entityId }) => ({ action, entityType, entityId })),
            namesRecord: entries.some((e) => !!e.entityType && !!e.entityId),
            namesRequested: entries.some((e) => !!e.entityId && named.includes(e.entityId)),
          });
        }
        return res;
      };
    },
  };
}
