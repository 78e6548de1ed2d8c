import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Ok, Page, TABLE_FORMATS, Uuid } from '../../../../contracts/common.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import {
  AffectedFirm, AffectedInput, MemberIssue, MemberIssueDetail, MemberIssueEdit, MemberIssueFilter, MemberIssueInput, MemberIssueQuery, MergeInput, SimilarIssue, StatusChangeInput,
} from '../../../../contracts/intake.js';
import {
  addAffectedFirm, affectedFirms, changeIssueStatus, editMemberIssue, getMemberIssue, listMemberIssues, mergeMemberIssue, raiseMemberIssue, removeAffectedFirm, similarIssues,
} from '../intake-service.js';

const tags = ['intake'];

/**
 * The advocacy issues built on a member issue: advocacy is a floor above and
 * cannot be imported from here, so server/app.ts hands this over.
 */
export interface IntakeRoutesOptions {
  issuesBuiltOn(ctx: TenantCtx, memberIssueId: string): Promise<MemberIssueDetail['takenUpIn']>;
}

/** The issues listed, as a file for staff: who raised each and how many firms it affects. */
const issuesExport: ListExport<MemberIssue, MemberIssueFilter> = {
  name: 'member-issues',
  columns: [
    { header: 'intake.title', cell: (i) => i.title },
    { header: 'intake.category', cell: (i, t) => t(`intake.categories.${i.category}`) },
    { header: 'intake.status', cell: (i, t) => t(`intake.statuses.${i.status}`) },
    { header: 'intake.raisedByLabel', cell: (i) => i.raisedBy ?? '' },
    { header: 'intake.affectedFirms', cell: (i) => i.affectedFirms },
    { header: 'intake.responseNote', cell: (i) => i.responseNote },
    { header: 'ui.export.created', cell: (i) => i.createdAt },
  ],
  page: listMemberIssues,
};

export const intakeRoutes: FastifyPluginAsyncZod<IntakeRoutesOptions> = async (app, { issuesBuiltOn }) => {
  /** An issue with the advocacy issues built on it: the chain, walked back from the member's side. */
  const issueDetail = async (ctx: TenantCtx, id: string) => ({ ...(await getMemberIssue(ctx, id)), takenUpIn: await issuesBuiltOn(ctx, id) });

  app.get('/api/v1/member-issues', { schema: { tags, querystring: MemberIssueQuery, response: { 200: Page(MemberIssue) } }, config: { auth: 'tenant', permission: 'intake.read' } }, async (request) =>
    app.tenant(request, (ctx) => listMemberIssues(ctx, request.query)),
  );

  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/member-issues/export.${format}`, { schema: { tags, querystring: MemberIssueFilter }, config: { auth: 'tenant', permission: 'intake.triage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, issuesExport, request.query),
    );
  }

  app.get('/api/v1/member-issues/similar', { schema: { tags, querystring: z.object({ text: z.string().max(300).default('') }), response: { 200: z.object({ items: z.array(SimilarIssue) }) } }, config: { auth: 'tenant', permission: 'intake.read' } }, async (request) => ({
    items: await app.tenant(request, (ctx) => similarIssues(ctx, request.query.text)),
  }));

  app.post('/api/v1/member-issues', { schema: { tags, body: MemberIssueInput, response: { 201: MemberIssueDetail } }, config: { auth: 'tenant', permission: 'intake.raise' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => issueDetail(ctx, (await raiseMemberIssue(ctx, request.body)).id));
  });

  app.get('/api/v1/member-issues/:id', { schema: { tags, params: IdParams, response: { 200: MemberIssueDetail } }, config: { auth: 'tenant', permission: 'intake.read' } }, async (request) =>
    app.tenant(request, (ctx) => issueDetail(ctx, request.params.id)),
  );

  app.put('/api/v1/member-issues/:id', { schema: { tags, params: IdParams, body: MemberIssueEdit, response: { 200: MemberIssueDetail } }, config: { auth: 'tenant', permission: 'intake.triage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await editMemberIssue(ctx, request.params.id, request.body);
      return issueDetail(ctx, request.params.id);
    }),
  );

  app.get('/api/v1/member-issues/:id/firms', { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(AffectedFirm) }) } }, config: { auth: 'tenant', permission: 'intake.triage' } }, async (request) => ({
    items: await app.tenant(request, (ctx) => affectedFirms(ctx, request.params.id)),
  }));

  app.post('/api/v1/member-issues/:id/firms', { schema: { tags, params: IdParams, body: AffectedInput, response: { 200: MemberIssueDetail } }, config: { auth: 'tenant', permission: 'intake.raise' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await addAffectedFirm(ctx, request.params.id, request.body);
      return issueDetail(ctx, request.params.id);
    }),
  );

  app.delete('/api/v1/member-issues/:id/firms', { schema: { tags, params: IdParams, querystring: z.object({ memberId: Uuid.optional() }), response: { 200: Ok } }, config: { auth: 'tenant', permission: 'intake.raise' } }, async (request) => {
    await app.tenant(request, (ctx) => removeAffectedFirm(ctx, request.params.id, request.query.memberId));
    return { ok: true as const };
  });

  app.post('/api/v1/member-issues/:id/status', { schema: { tags, params: IdParams, body: StatusChangeInput, response: { 200: MemberIssueDetail } }, config: { auth: 'tenant', permission: 'intake.triage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await changeIssueStatus(ctx, request.params.id, request.body);
      return issueDetail(ctx, request.params.id);
    }),
  );

  app.post('/api/v1/member-issues/:id/merge', { schema: { tags, params: IdParams, body: MergeInput, response: { 200: MemberIssueDetail } }, config: { auth: 'tenant', permission: 'intake.triage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await mergeMemberIssue(ctx, request.params.id, request.body);
      return issueDetail(ctx, request.body.into);
    }),
  );
};
