import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { TenantCtx } from './tenancy.js';

/**
 * Updates many rows of an organisation's table, each with its own fields, as
 * one JSON parameter (the sibling of insert-rows.ts). A field a row's patch
 * lacks keeps its value: each row's new values are read from
 * json_populate_record over the row itself. Keys are the table's field names;
 * `also` is added to every row's SET (the table is `t`).
 */
export async function updateRows(ctx: TenantCtx, table: PgTable, rows: Array<{ id: string; patch: Record<string, unknown> }>, also?: SQL) {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.patch)))];
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no field ${key}`);
    return `"${column.name}"`;
  });
  const records = rows.map((r) => ({ id: r.id, patch: Object.fromEntries(Object.entries(r.patch).map(([k, v]) => [columns[k]!.name, v ?? null])) }));
  const target = sql.raw(`"${getTableName(table)}"`);
  // A single column is still a list: SET (a) = (SELECT …) needs the parentheses on both sides.
  await ctx.tx.execute(sql`
    UPDATE ${target} AS t
    SET (${sql.raw(names.join(', '))}) = (SELECT ${sql.raw(names.map((n) => `r.${n}`).join(', '))} FROM json_populate_record(t, p.patch) AS r)${also ? sql`, ${also}` : sql``}
    FROM json_to_recordset(${JSON.stringify(records)}::json) AS p(id uuid, patch json)
    WHERE t.id = p.id AND t.org_id = ${ctx.orgId}`);
}
