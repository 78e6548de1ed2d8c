import type { BudgetInput, FrameworkFinance, TransactionInput } from '../../../contracts/results-finance.js';
import { api } from '../../app/api.js';

export type { FrameworkFinance };

/** Under the framework's key, so what refreshes the framework refreshes its money too. */
export const financeKey = (frameworkId: string) => ['results', 'framework', frameworkId, 'finance'] as const;

const base = (frameworkId: string) => `/api/v1/results/frameworks/${frameworkId}`;
export const fetchFinance = (frameworkId: string) => api<FrameworkFinance>(`${base(frameworkId)}/finance`);
/** Adds a budget line, or saves the one with this id; the answer is the whole list again. */
export const saveBudget = (frameworkId: string, id: string | null, input: Partial<BudgetInput>) =>
  api<FrameworkFinance>(id ? `${base(frameworkId)}/budgets/${id}` : `${base(frameworkId)}/budgets`, { method: id ? 'PUT' : 'POST', body: input });
export const removeBudget = (frameworkId: string, id: string) => api<FrameworkFinance>(`${base(frameworkId)}/budgets/${id}`, { method: 'DELETE' });
export const saveTransaction = (frameworkId: string, id: string | null, input: Partial<TransactionInput>) =>
  api<FrameworkFinance>(id ? `${base(frameworkId)}/transactions/${id}` : `${base(frameworkId)}/transactions`, { method: id ? 'PUT' : 'POST', body: input });
export const removeTransaction = (frameworkId: string, id: string) => api<FrameworkFinance>(`${base(frameworkId)}/transactions/${id}`, { method: 'DELETE' });
