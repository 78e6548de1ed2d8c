import { and, asc, eq, gte, lte, ne, type SQL } from 'drizzle-orm';
import type { BudgetInput, FrameworkFinance, TransactionInput } from '../../../contracts/results-finance.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { resultsBudgets, resultsTransactions } from './finance-tables.js';
import { resultsFrameworks } from './tables.js';

// A framework's budget lines and transactions (migration 0081), written as a framework is:
// `results.manage`, every write audited against the framework.

/**
 * The framework, locked while its budgets change: two people adding budgets of the same type at
 * once must not both pass the overlap check.
 */
async function lockedFramework(ctx: TenantCtx, frameworkId: string) {
  const [row] = await ctx.tx.select({ id: resultsFrameworks.id }).from(resultsFrameworks).where(and(eq(resultsFrameworks.orgId, ctx.orgId), eq(resultsFrameworks.id, frameworkId))).for('update');
  if (!row) throw new AppError('results.framework_not_found');
}

const budgetColumns = {
  id: resultsBudgets.id,
  startsOn: resultsBudgets.startsOn,
  endsOn: resultsBudgets.endsOn,
  value: resultsBudgets.value,
  currency: resultsBudgets.currency,
  type: resultsBudgets.type,
  status: resultsBudgets.status,
};
const transactionColumns = {
  id: resultsTransactions.id,
  on: resultsTransactions.on,
  type: resultsTransactions.type,
  value: resultsTransactions.value,
  currency: resultsTransactions.currency,
  description: resultsTransactions.description,
  providerOrg: resultsTransactions.providerOrg,
  receiverOrg: resultsTransactions.receiverOrg,
};

/** Budgets by first day and type, transactions by date: what the framework page lists and IATI publishes. */
export async function frameworkFinance(ctx: TenantCtx, frameworkId: string): Promise<FrameworkFinance> {
  const [framework] = await ctx.tx.select({ id: resultsFrameworks.id }).from(resultsFrameworks).where(and(eq(resultsFrameworks.orgId, ctx.orgId), eq(resultsFrameworks.id, frameworkId)));
  if (!framework) throw new AppError('results.framework_not_found');
  const org = await getCurrentOrg(ctx);
  const budgets = await ctx.tx.select(budgetColumns).from(resultsBudgets).where(and(eq(resultsBudgets.orgId, ctx.orgId), eq(resultsBudgets.frameworkId, frameworkId))).orderBy(asc(resultsBudgets.startsOn), asc(resultsBudgets.type), asc(resultsBudgets.id));
  const transactions = await ctx.tx.select(transactionColumns).from(resultsTransactions).where(and(eq(resultsTransactions.orgId, ctx.orgId), eq(resultsTransactions.frameworkId, frameworkId))).orderBy(asc(resultsTransactions.on), asc(resultsTransactions.createdAt), asc(resultsTransactions.id));
  return { currency: org.currency, budgets, transactions };
}

/** A budget line's or transaction's stored form: its currency, or the organisation's when none is given. */
async function withCurrency<T extends { currency?: string | null | undefined }>(ctx: TenantCtx, input: T) {
  return { ...input, currency: input.currency ?? (await getCurrentOrg(ctx)).currency };
}

/** IATI's rule: budgets of one type (original, revised) cover periods that do not overlap. */
async function refuseOverlap(ctx: TenantCtx, frameworkId: string, input: BudgetInput, except: string | null) {
  const conditions: SQL[] = [
    eq(resultsBudgets.orgId, ctx.orgId),
    eq(resultsBudgets.frameworkId, frameworkId),
    eq(resultsBudgets.type, input.type),
    lte(resultsBudgets.startsOn, input.endsOn),
    gte(resultsBudgets.endsOn, input.startsOn),
  ];
  if (except) conditions.push(ne(resultsBudgets.id, except));
  const [other] = await ctx.tx.select({ startsOn: resultsBudgets.startsOn, endsOn: resultsBudgets.endsOn }).from(resultsBudgets).where(and(...conditions)).limit(1);
  if (other) throw fieldError('startsOn', 'results.budget_overlaps', { from: other.startsOn, to: other.endsOn });
}

async function budgetRow(ctx: TenantCtx, frameworkId: string, id: string) {
  const [row] = await ctx.tx.select(budgetColumns).from(resultsBudgets).where(and(eq(resultsBudgets.orgId, ctx.orgId), eq(resultsBudgets.frameworkId, frameworkId), eq(resultsBudgets.id, id)));
  if (!row) throw new AppError('results.budget_not_found');
  return row;
}

export async function addBudget(ctx: TenantCtx, frameworkId: string, input: BudgetInput) {
  await lockedFramework(ctx, frameworkId);
  await refuseOverlap(ctx, frameworkId, input, null);
  const values = await withCurrency(ctx, input);
  const [row] = await ctx.tx.insert(resultsBudgets).values({ orgId: ctx.orgId, frameworkId, ...values }).returning({ id: resultsBudgets.id });
  await recordAudit(ctx, { action: 'results.budget_add', entityType: 'results_framework', entityId: frameworkId, after: { budgetId: row!.id, ...values } });
  return row!.id;
}

export async function updateBudget(ctx: TenantCtx, frameworkId: string, id: string, input: BudgetInput) {
  await lockedFramework(ctx, frameworkId);
  const { id: _id, ...before } = await budgetRow(ctx, frameworkId, id);
  await refuseOverlap(ctx, frameworkId, input, id);
  const values = await withCurrency(ctx, input);
  await ctx.tx.update(resultsBudgets).set(values).where(and(eq(resultsBudgets.orgId, ctx.orgId), eq(resultsBudgets.id, id)));
  const change = changedFields(before, values);
  await recordAudit(ctx, { action: 'results.budget_update', entityType: 'results_framework', entityId: frameworkId, before: { budgetId: id, ...change.before }, after: { budgetId: id, ...change.after } });
}

export async function removeBudget(ctx: TenantCtx, frameworkId: string, id: string) {
  await lockedFramework(ctx, frameworkId);
  const { id: _id, ...before } = await budgetRow(ctx, frameworkId, id);
  await ctx.tx.delete(resultsBudgets).where(and(eq(resultsBudgets.orgId, ctx.orgId), eq(resultsBudgets.id, id)));
  await recordAudit(ctx, { action: 'results.budget_remove', entityType: 'results_framework', entityId: frameworkId, before: { budgetId: id, ...before } });
}

async function transactionRow(ctx: TenantCtx, frameworkId: string, id: string) {
  const [row] = await ctx.tx.select(transactionColumns).from(resultsTransactions).where(and(eq(resultsTransactions.orgId, ctx.orgId), eq(resultsTransactions.frameworkId, frameworkId), eq(resultsTransactions.id, id)));
  if (!row) throw new AppError('results.transaction_not_found');
  return row;
}

export async function addTransaction(ctx: TenantCtx, frameworkId: string, input: TransactionInput) {
  await lockedFramework(ctx, frameworkId);
  const values = await withCurrency(ctx, input);
  const [row] = await ctx.tx.insert(resultsTransactions).values({ orgId: ctx.orgId, frameworkId, ...values }).returning({ id: resultsTransactions.id });
  await recordAudit(ctx, { action: 'results.transaction_add', entityType: 'results_framework', entityId: frameworkId, after: { transactionId: row!.id, ...values } });
  return row!.id;
}

export async function updateTransaction(ctx: TenantCtx, frameworkId: string, id: string, input: TransactionInput) {
  await lockedFramework(ctx, frameworkId);
  const { id: _id, ...before } = await transactionRow(ctx, frameworkId, id);
  const values = await withCurrency(ctx, input);
  await ctx.tx.update(resultsTransactions).set(values).where(and(eq(resultsTransactions.orgId, ctx.orgId), eq(resultsTransactions.id, id)));
  const change = changedFields(before, values);
  await recordAudit(ctx, { action: 'results.transaction_update', entityType: 'results_framework', entityId: frameworkId, before: { transactionId: id, ...change.before }, after: { transactionId: id, ...change.after } });
}

export async function removeTransaction(ctx: TenantCtx, frameworkId: string, id: string) {
  await lockedFramework(ctx, frameworkId);
  const { id: _id, ...before } = await transactionRow(ctx, frameworkId, id);
  await ctx.tx.delete(resultsTransactions).where(and(eq(resultsTransactions.orgId, ctx.orgId), eq(resultsTransactions.id, id)));
  await recordAudit(ctx, { action: 'results.transaction_remove', entityType: 'results_framework', entityId: frameworkId, before: { transactionId: id, ...before } });
}
