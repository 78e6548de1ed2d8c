import type { Permission } from '../../../contracts/permissions.js';
import type { Locale } from '../../../contracts/roles.js';
import type { Principal } from '../auth/sessions.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { TenantCtx } from '../db/tenancy.js';
import type { Mailer } from '../mail/mailer.js';
import type { TaskRunner } from '../tasks/task-runner.js';
import type { RouteEntry } from './authenticate.js';

export type RouteAuth = 'public' | 'user' | 'tenant';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call: anyone, any signed-in person, or someone acting for an organisation. */
    auth?: RouteAuth;
    /** With `tenant`: the permission checked against the caller's role (a key of contracts/permissions.ts). */
    permission?: Permission;
    /** With `tenant`: only a signed-in person, not an API token (the route keeps things per person). */
    person?: boolean;
    /**
     * A write route that records nothing of an organisation's, with the reason (signing in,
     * a respondent's draft): exempt from `audit/audited-writes.ts`. Every other write audits.
     */
    unaudited?: string;
    /** A long list answered through present functions: written without the schema's check outside tests (`presented-replies.ts`). */
    presentedReply?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
  interface FastifyInstance {
    config: Config;
    database: Database;
    mailer: Mailer;
    /** Long work people start and follow (imports): tasks/task-runner.ts. */
    tasks: TaskRunner;
    routeTable: RouteEntry[];
    /** Runs a service in one tenant transaction for the caller's organisation. */
    tenant<T>(request: FastifyRequest, work: (ctx: TenantCtx) => Promise<T>): Promise<T>;
  }
}
