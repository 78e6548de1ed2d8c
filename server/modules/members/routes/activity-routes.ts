import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../../contracts/common.js';
import { FirmActivity } from '../../../../contracts/firm-activity.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { getMember } from '../member-service.js';

const tags = ['members'];

/**
 * What a firm did in the modules above members (consultations answered, issues
 * raised): they cannot be imported from here, so server/app.ts hands them over.
 * Events and trainings add their own here when their modules arrive.
 */
export interface FirmActivityRoutesOptions {
  activityElsewhere: {
    answers(ctx: TenantCtx, memberId: string): Promise<FirmActivity['answers']>;
    issues(ctx: TenantCtx, memberId: string): Promise<FirmActivity['issues']>;
  };
}

export const firmActivityRoutes: FastifyPluginAsyncZod<FirmActivityRoutesOptions> = async (app, { activityElsewhere }) => {
  app.get(
    '/api/v1/members/:id/activity',
    { schema: { tags, params: IdParams, response: { 200: FirmActivity } }, config: { auth: 'tenant', permission: 'members.read' } },
    async (request) =>
      app.tenant(request, async (ctx) => {
        const member = await getMember(ctx, request.params.id);
        // One after another: a transaction's queries share one connection.
        const answers = await activityElsewhere.answers(ctx, member.id);
        const issues = await activityElsewhere.issues(ctx, member.id);
        return { answers, issues };
      }),
  );
};
