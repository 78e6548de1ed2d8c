import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditRef } from '../../../contracts/audit.js';
import type { TenantCtx } from '../db/tenancy.js';

// An audit entry names its record and the records its fields point at by id;
// a person reads their names. The platform knows no module's records, so each
// module hands over what it knows (server/modules.ts, `recordNames`): a
// function naming its records of a type by id, and which fields of an entry
// hold an id of which type of record.

/** Names of records of one type, by id; ids it does not know are left out. */
export type RecordNamer = (ctx: TenantCtx, ids: string[]) => Promise<Map<string, string>>;

export interface RecordVocabulary {
  /** Record type (an entry's `entityType`) → the function naming such records. */
  names: Record<string, RecordNamer>;
  /** A field of any entry that holds the id of a record: `memberId` → `member`. */
  references?: Record<string, string>;
  /** Where a field means another record in the entries of one type: a forum's `memberId` is a seat at its table. */
  referencesOf?: Record<string, Record<string, string>>;
}

/** Many modules' vocabularies as one. */
export function joinVocabularies(parts: RecordVocabulary[]): Required<RecordVocabulary> {
  const joined: Required<RecordVocabulary> = { names: {}, references: {}, referencesOf: {} };
  for (const p of parts) {
    Object.assign(joined.names, p.names);
    Object.assign(joined.references, p.references);
    for (const [type, fields] of Object.entries(p.referencesOf ?? {})) joined.referencesOf[type] = { ...joined.referencesOf[type], ...fields };
  }
  return joined;
}

/** A namer reading one column of a table of the organisation: `namesFrom(forums, forums.id, forums.orgId, forums.name)`. */
export function namesFrom(table: PgTable, id: PgColumn, orgId: PgColumn | null, name: PgColumn | SQL<string>): RecordNamer {
  return async (ctx, ids) => {
    if (!ids.length) return new Map();
    const rows = await ctx.tx
      .select({ id: id as PgColumn, name: name as SQL<string> })
      .from(table)
      .where(and(orgId ? eq(orgId, ctx.orgId) : undefined, inArray(id, ids)));
    return new Map(rows.map((r) => [String(r.id), String(r.name ?? '')]));
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

type Side = Record<string, unknown> | null;
interface Described { entityType: string; entityId: string; before: unknown; after: unknown }
const side = (value: unknown): Side => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** The fields of an entry (one level into objects) that hold a record's id, with that record's type. */
export function referencesIn(entry: Described, vocabulary: Required<RecordVocabulary>): Array<{ type: string; id: string }> {
  const fieldTypes = { ...vocabulary.references, ...vocabulary.referencesOf[entry.entityType] };
  const found: Array<{ type: string; id: string }> = [];
  const visit = (side: Side, depth: number) => {
    for (const [field, value] of Object.entries(side ?? {})) {
      const type = fieldTypes[field];
      if (type && isUuid(value)) found.push({ type, id: value });
      else if (type && Array.isArray(value)) value.filter(isUuid).forEach((id) => found.push({ type, id }));
      else if (depth === 0 && value && typeof value === 'object' && !Array.isArray(value)) visit(value as Side, 1);
    }
  };
  visit(side(entry.before), 0);
  visit(side(entry.after), 0);
  return found;
}

/** What an entry said the record was called, for a record since removed. */
function nameInSnapshot(entry: Described): string | null {
  for (const snapshot of [side(entry.after), side(entry.before)]) {
    for (const field of ['name', 'title', 'legalName', 'label', 'number', 'filename', 'email']) {
      const v = snapshot?.[field];
      if (typeof v === 'string' && v.trim()) return v;
    }
  }
  return null;
}

/**
 * The names of the records a page of entries is about and points at: one
 * query per type of record. An entry's own record is named as it is called
 * now, or as the entry called it once it is gone.
 */
export async function nameRecords<T extends Described>(ctx: TenantCtx, entries: T[], vocabulary: Required<RecordVocabulary>) {
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: string) => {
    if (!vocabulary.names[type] || !isUuid(id)) return;
    if (!wanted.has(type)) wanted.set(type, new Set());
    wanted.get(type)!.add(id);
  };
  for (const e of entries) {
    want(e.entityType, e.entityId);
    for (const r of referencesIn(e, vocabulary)) want(r.type, r.id);
  }
  const named = new Map<string, Map<string, string>>();
  for (const [type, ids] of wanted) named.set(type, await vocabulary.names[type]!(ctx, [...ids]));
  const nameOf = (type: string, id: string) => named.get(type)?.get(id) ?? null;
  return entries.map((e) => {
    const refs: Record<string, AuditRef> = {};
    for (const r of referencesIn(e, vocabulary)) {
      const name = nameOf(r.type, r.id);
      if (name != null) refs[r.id] = { type: r.type, name };
    }
    return { entry: e, entityName: nameOf(e.entityType, e.entityId) ?? nameInSnapshot(e), entityExists: nameOf(e.entityType, e.entityId) != null, refs };
  });
}
