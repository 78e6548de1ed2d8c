import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChildParams, IdParams } from '../../../../contracts/common.js';
import { BudgetInput, FrameworkFinance, TransactionInput } from '../../../../contracts/results-finance.js';
import { addBudget, addTransaction, frameworkFinance, removeBudget, removeTransaction, updateBudget, updateTransaction } from '../finance-service.js';

const tags = ['results'];
const answer = { 200: FrameworkFinance };

/**
 * A framework's budget lines and transactions; every change answers with the whole list again.
 * They are part of the framework: whoever may edit it (`results.manage`) may edit them.
 */
export const resultsFinanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/results/frameworks/:id/finance', { schema: { tags, params: IdParams, response: answer }, config: { auth: 'tenant', permission: 'results.read' } }, async (request) =>
    app.tenant(request, (ctx) => frameworkFinance(ctx, request.params.id)),
  );

  app.post('/api/v1/results/frameworks/:id/budgets', { schema: { tags, params: IdParams, body: BudgetInput, response: { 201: FrameworkFinance } }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      await addBudget(ctx, request.params.id, request.body);
      return frameworkFinance(ctx, request.params.id);
    });
  });
  app.put('/api/v1/results/frameworks/:id/budgets/:childId', { schema: { tags, params: ChildParams, body: BudgetInput, response: answer }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await updateBudget(ctx, request.params.id, request.params.childId, request.body);
      return frameworkFinance(ctx, request.params.id);
    }),
  );
  app.delete('/api/v1/results/frameworks/:id/budgets/:childId', { schema: { tags, params: ChildParams, response: answer }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await removeBudget(ctx, request.params.id, request.params.childId);
      return frameworkFinance(ctx, request.params.id);
    }),
  );

  app.post('/api/v1/results/frameworks/:id/transactions', { schema: { tags, params: IdParams, body: TransactionInput, response: { 201: FrameworkFinance } }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request, reply) => {
    reply.code(201);
    return app.tenant(request, async (ctx) => {
      await addTransaction(ctx, request.params.id, request.body);
      return frameworkFinance(ctx, request.params.id);
    });
  });
  app.put('/api/v1/results/frameworks/:id/transactions/:childId', { schema: { tags, params: ChildParams, body: TransactionInput, response: answer }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await updateTransaction(ctx, request.params.id, request.params.childId, request.body);
      return frameworkFinance(ctx, request.params.id);
    }),
  );
  app.delete('/api/v1/results/frameworks/:id/transactions/:childId', { schema: { tags, params: ChildParams, response: answer }, config: { auth: 'tenant', permission: 'results.manage' } }, async (request) =>
    app.tenant(request, async (ctx) => {
      await removeTransaction(ctx, request.params.id, request.params.childId);
      return frameworkFinance(ctx, request.params.id);
    }),
  );
};
