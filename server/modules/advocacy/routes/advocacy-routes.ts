import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AdvocacyFilter, AdvocacyIssue, AdvocacyIssueDetail, AdvocacyIssueInput, AdvocacyQuery, CostActivityInput, EvidenceInput, NewAdvocacyIssue, OutcomeInput, StepInput, StepScoreInput,
} from '../../../../contracts/advocacy.js';
import { ChildParams, IdParams, Page, TABLE_FORMATS } from '../../../../contracts/common.js';
import { sendListExport, type ListExport } from '../../../platform/export/list-export.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { ActionFilter, ActionInput, ActionPlan, ActionQuery, ActionStatusInput, ObjectiveInput, PlannedAction } from '../../../../contracts/action-plan.js';
import { actionPlan, addAction, addObjective, listActions, removeObjective, setActionStatus, updateAction } from '../plan-service.js';
import { addCostActivity, removeCostActivity, updateCostActivity } from '../cost-service.js';
import { linkEvidence, unlinkEvidence } from '../evidence-service.js';
import {
  createAdvocacyIssue, editAdvocacyIssue, getAdvocacyIssue, listAdvocacyIssues, moveToStep, scoreStep, setOutcome, setPublished,
} from '../issue-service.js';

const tags = ['advocacy'];

/** The issues as a file: what the list shows, in its order, with the parts of the priority. */
const issuesExport: ListExport<AdvocacyIssue, AdvocacyFilter> = {
  name: 'advocacy-issues',
  columns: [
    { header: 'advocacy.fields.title', cell: (i) => i.title },
    { header: 'advocacy.priority', cell: (i) => i.priority.score },
    { header: 'advocacy.step', cell: (i, t) => t(`advocacy.steps.${i.step}`) },
    { header: 'advocacy.reform.outcome', cell: (i, t) => (i.outcome ? t(`advocacy.outcomes.${i.outcome}`) : '') },
    { header: 'advocacy.fields.category', cell: (i, t) => t(`advocacy.categories.${i.category}`) },
    { header: 'advocacy.firms', cell: (i) => i.priority.firms },
    { header: 'advocacy.fields.severity', cell: (i) => i.priority.severity },
    { header: 'advocacy.fields.feasibility', cell: (i) => i.priority.feasibility },
    { header: 'advocacy.yearlyCost', cell: (i) => i.yearlyCost / 100 },
    { header: 'advocacy.addedOn', cell: (i) => i.createdAt },
  ],
  page: listAdvocacyIssues,
};

/** The activities as a file: what the list shows, in its order, with their issue and owner. */
const actionsExport: ListExport<PlannedAction, ActionFilter> = {
  name: 'advocacy-activities',
  columns: [
    { header: 'advocacy.plan.activity', cell: (a) => a.title },
    { header: 'advocacy.plan.kind', cell: (a, t) => t(`advocacy.plan.kinds.${a.kind}`) },
    { header: 'advocacy.fields.title', cell: (a) => a.issueTitle },
    { header: 'advocacy.plan.owner', cell: (a) => a.owner?.name ?? '' },
    { header: 'advocacy.plan.due', cell: (a) => a.dueOn },
    { header: 'advocacy.plan.status', cell: (a, t) => t(`advocacy.plan.statuses.${a.status}`) },
    { header: 'dialogue.overdue', cell: (a) => a.overdue },
    { header: 'advocacy.plan.doneOn', cell: (a) => a.doneOn ?? '' },
  ],
  page: listActions,
};

/**
 * What the dialogue module, a floor above, tells of an issue: it cannot be
 * imported from here, so server/app.ts hands it over.
 */
export interface AdvocacyRoutesOptions {
  dialogueOfIssue(ctx: TenantCtx, issueId: string): Promise<AdvocacyIssueDetail['dialogue']>;
}

const Detail = { 200: AdvocacyIssueDetail };

export const advocacyRoutes: FastifyPluginAsyncZod<AdvocacyRoutesOptions> = async (app, { dialogueOfIssue }) => {
  /** The issue with where it went in the dialogue, so the chain can be walked from here. */
  const issueDetail = async (ctx: TenantCtx, id: string) => ({ ...(await getAdvocacyIssue(ctx, id)), dialogue: await dialogueOfIssue(ctx, id) });

  app.get('/api/v1/advocacy-issues', { schema: { tags, querystring: AdvocacyQuery, response: { 200: Page(AdvocacyIssue) } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, (ctx) => listAdvocacyIssues(ctx, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/advocacy-issues/export.${format}`, { schema: { tags, querystring: AdvocacyFilter }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, issuesExport, request.query));
  }

  app.post('/api/v1/advocacy-issues', { schema: { tags, body: NewAdvocacyIssue, response: { 201: AdvocacyIssueDetail } }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => issueDetail(ctx, (await createAdvocacyIssue(ctx, request.body)).id));
  });

  app.get('/api/v1/advocacy-issues/:id', { schema: { tags, params: IdParams, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, (ctx) => issueDetail(ctx, request.params.id)),
  );

  /** Runs a change, then answers with the issue as it now stands. */
  const change = <B>(work: (ctx: TenantCtx, id: string, body: B) => Promise<unknown>) =>
    async (request: FastifyRequest & { params: { id: string }; body: B }) => app.tenant(request, async (ctx) => {
      await work(ctx, request.params.id, request.body);
      return issueDetail(ctx, request.params.id);
    });

  app.put('/api/v1/advocacy-issues/:id', { schema: { tags, params: IdParams, body: AdvocacyIssueInput, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, change(editAdvocacyIssue));
  app.post('/api/v1/advocacy-issues/:id/step', { schema: { tags, params: IdParams, body: StepInput, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, change(moveToStep));
  app.post('/api/v1/advocacy-issues/:id/scores', { schema: { tags, params: IdParams, body: StepScoreInput, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, change(scoreStep));
  app.post('/api/v1/advocacy-issues/:id/outcome', { schema: { tags, params: IdParams, body: OutcomeInput, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, change(setOutcome));
  app.post('/api/v1/advocacy-issues/:id/publication', { schema: { tags, params: IdParams, body: z.object({ published: z.boolean() }), response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, change((ctx, id, body: { published: boolean }) => setPublished(ctx, id, body.published)));
  app.post('/api/v1/advocacy-issues/:id/evidence', { schema: { tags, params: IdParams, body: EvidenceInput, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, change(linkEvidence));
  app.post('/api/v1/advocacy-issues/:id/cost-activities', { schema: { tags, params: IdParams, body: CostActivityInput, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, change(addCostActivity));

  app.delete('/api/v1/advocacy-issues/:id/evidence/:childId', { schema: { tags, params: ChildParams, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await unlinkEvidence(ctx, request.params.id, request.params.childId);
      return issueDetail(ctx, request.params.id);
    }),
  );
  app.put('/api/v1/advocacy-issues/:id/cost-activities/:childId', { schema: { tags, params: ChildParams, body: CostActivityInput, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await updateCostActivity(ctx, request.params.id, request.params.childId, request.body);
      return issueDetail(ctx, request.params.id);
    }),
  );
  app.delete('/api/v1/advocacy-issues/:id/cost-activities/:childId', { schema: { tags, params: ChildParams, response: Detail }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await removeCostActivity(ctx, request.params.id, request.params.childId);
      return issueDetail(ctx, request.params.id);
    }),
  );

  // ---- strategy and action plan ----
  const Plan = { 200: ActionPlan };
  const planAfter = async (request: FastifyRequest & { params: { id: string } }, work: (ctx: TenantCtx) => Promise<unknown>) =>
    app.tenant(request, async (ctx) => {
      await work(ctx);
      return actionPlan(ctx, request.params.id);
    });
  app.get('/api/v1/advocacy-issues/:id/plan', { schema: { tags, params: IdParams, response: Plan }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) => app.tenant(request, (ctx) => actionPlan(ctx, request.params.id)));
  app.get('/api/v1/advocacy-actions', { schema: { tags, querystring: ActionQuery, response: { 200: Page(PlannedAction) } }, config: { auth: 'tenant', permission: 'advocacy.read' } }, async (request) =>
    app.tenant(request, (ctx) => listActions(ctx, request.query)),
  );
  for (const format of TABLE_FORMATS) {
    app.get(`/api/v1/advocacy-actions/export.${format}`, { schema: { tags, querystring: ActionFilter }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request, reply) =>
      sendListExport(app, request, reply, format, actionsExport, request.query));
  }
  app.post('/api/v1/advocacy-issues/:id/objectives', { schema: { tags, params: IdParams, body: ObjectiveInput, response: Plan }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    planAfter(request, (ctx) => addObjective(ctx, request.params.id, request.body)));
  app.delete('/api/v1/advocacy-issues/:id/objectives/:childId', { schema: { tags, params: ChildParams, response: Plan }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    planAfter(request, (ctx) => removeObjective(ctx, request.params.id, request.params.childId)));
  app.post('/api/v1/advocacy-issues/:id/actions', { schema: { tags, params: IdParams, body: ActionInput, response: Plan }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    planAfter(request, (ctx) => addAction(ctx, request.params.id, request.body)));
  app.put('/api/v1/advocacy-issues/:id/actions/:childId', { schema: { tags, params: ChildParams, body: ActionInput, response: Plan }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    planAfter(request, (ctx) => updateAction(ctx, request.params.id, request.params.childId, request.body)));
  app.post('/api/v1/advocacy-issues/:id/actions/:childId/status', { schema: { tags, params: ChildParams, body: ActionStatusInput, response: Plan }, config: { auth: 'tenant', permission: 'advocacy.manage' } }, async (request) =>
    planAfter(request, (ctx) => setActionStatus(ctx, request.params.id, request.params.childId, request.body)));
};
