import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './opened-transaction.js';

/**
 * How many rows the planner expects `statement` to give, from the statistics
 * ANALYZE keeps (no row is read): for choosing how to answer a list before
 * answering it. Parameters reach the planner as values, so a LIKE pattern or
 * an equality is estimated for the value searched.
 */
export async function estimatedRows(tx: Tx, statement: SQL): Promise<number> {
  const res = await tx.execute<{ 'QUERY PLAN': unknown }>(sql`EXPLAIN (FORMAT JSON) ${statement}`);
  const raw = res.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number } }>;
  return plan[0]?.Plan['Plan Rows'] ?? 0;
}
