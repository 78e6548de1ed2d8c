import { getTableName } from 'drizzle-orm';
import { foreignKey, type AnyPgColumn } from 'drizzle-orm/pg-core';

// The keys of a tenant table carry its organisation (migration 0031), so the
// table can be sharded by organisation (ARCHITECTURE.md, "Ready for more than
// one machine"; checked by distribution-keys.db.test.ts): `org_id` ends every
// primary and unique key, and a foreign key between tenant tables is
// (org_id, x_id) -> (org_id, id).

/**
 * A foreign key from one tenant table to another, the organisation on both
 * sides, named as the single-column key drizzle made before
 * (`<table>_<column>_<target>_id_fk`). Migration 0031 writes `ON DELETE SET
 * NULL (x_id)` where this says `set null`: the referring row keeps its
 * organisation, and drizzle has no words for the column list.
 */
export function sameOrgForeignKey(orgId: AnyPgColumn, column: AnyPgColumn, target: { orgId: AnyPgColumn; id: AnyPgColumn }) {
  return foreignKey({
    name: `${getTableName(column.table)}_${column.name}_${getTableName(target.id.table)}_${target.id.name}_fk`,
    columns: [orgId, column],
    foreignColumns: [target.orgId, target.id],
  });
}
