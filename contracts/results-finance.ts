import { z } from 'zod';
import { IsoDate, SafeInt, Text, Uuid } from './common.js';
import { CurrencyCode } from './geo.js';

// A results framework's money as IATI reports it (issue 20): budgets by period
// and transactions. Amounts are whole minor units of their currency (pesewas),
// as everywhere in the product (`money.ts`).

/** IATI BudgetType: 1 original, 2 revised. */
export const BUDGET_TYPES = ['original', 'revised'] as const;
/** IATI BudgetStatus: 1 indicative, 2 committed. */
export const BUDGET_STATUSES = ['indicative', 'committed'] as const;
/**
 * The IATI TransactionType codes a programme's money moves by (the codelist in
 * server/modules/results/iati/TransactionType.csv): incoming funds, outgoing
 * commitment, disbursement, expenditure, incoming commitment.
 */
export const TRANSACTION_TYPES = ['1', '2', '3', '4', '11'] as const;

/** IATI's rule: a budget's period is at most one year, counted here as at most 366 days, both ends included. */
export const BUDGET_MAX_DAYS = 366;

/** Days from the first to the last, both included. */
export function daysCovered(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

export const BudgetInput = z
  .object({
    startsOn: IsoDate,
    endsOn: IsoDate,
    value: SafeInt.min(0),
    /** None: the organisation's currency. */
    currency: CurrencyCode.nullable().default(null),
    type: z.enum(BUDGET_TYPES).default('original'),
    status: z.enum(BUDGET_STATUSES).default('indicative'),
  })
  .refine((b) => b.endsOn >= b.startsOn, { path: ['endsOn'], params: { code: 'results.budget_ends_before_start' } })
  .refine((b) => b.endsOn < b.startsOn || daysCovered(b.startsOn, b.endsOn) <= BUDGET_MAX_DAYS, { path: ['endsOn'], params: { code: 'results.budget_over_a_year' } });
export type BudgetInput = z.infer<typeof BudgetInput>;

export const Budget = z.object({
  id: Uuid,
  startsOn: z.string(),
  endsOn: z.string(),
  value: z.number(),
  currency: z.string(),
  type: z.enum(BUDGET_TYPES),
  status: z.enum(BUDGET_STATUSES),
});
export type Budget = z.infer<typeof Budget>;

export const TransactionInput = z.object({
  on: IsoDate,
  type: z.enum(TRANSACTION_TYPES),
  value: SafeInt.min(0),
  /** None: the organisation's currency. */
  currency: CurrencyCode.nullable().default(null),
  description: Text(2000).trim().default(''),
  providerOrg: Text(200).trim().default(''),
  receiverOrg: Text(200).trim().default(''),
});
export type TransactionInput = z.infer<typeof TransactionInput>;

export const Transaction = z.object({
  id: Uuid,
  on: z.string(),
  type: z.enum(TRANSACTION_TYPES),
  value: z.number(),
  currency: z.string(),
  description: z.string(),
  providerOrg: z.string(),
  receiverOrg: z.string(),
});
export type Transaction = z.infer<typeof Transaction>;

/** A framework's budget lines (by first day) and transactions (by date), with the organisation's currency, which a line without its own takes. */
export const FrameworkFinance = z.object({
  currency: z.string(),
  budgets: z.array(Budget),
  transactions: z.array(Transaction),
});
export type FrameworkFinance = z.infer<typeof FrameworkFinance>;
