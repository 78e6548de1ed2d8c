import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.js';
import type { Database } from './database.js';

// Issue 16.7: the schema stays ready to be sharded by organisation (Citus;
// ARCHITECTURE.md, "Ready for more than one machine"). This reads the
// catalogue of the migrated database: every table with an `org_id` column is
// a tenant table, to be distributed by it, unless listed below as local. A
// tenant table's organisation is NOT NULL and is part of its primary key, of
// every unique constraint and unique index, and of both sides of every
// foreign key to another tenant table, at the same place. Every table without
// `org_id` is a reference table or a local one, named here with its reason.

/** Replicated whole to every node (create_reference_table): read with everything, written rarely. */
const REFERENCE_TABLES: Record<string, string> = {
  orgs: 'the tenants themselves: every tenant table points at its row, the branch tree links rows of different organisations',
  users: 'one person holds roles in several organisations; tenant tables name their actors',
  results_donors: 'a funder (GIZ) that several organisations share frameworks with; their shares point at it',
  results_donor_users: 'who signs in for a donor: people (a reference table) of no organisation',
  // Code lists (ISIC, SDG, countries, currencies, languages) live in code
  // (contracts/, packages), not in tables; one moved into a table belongs here.
};

/** Stay on the coordinator (plain tables): read before any organisation is known, or across all of them. */
const LOCAL_TABLES: Record<string, string> = {
  sessions: 'read by the cookie’s hash before the organisation is known; its organisation changes when the person switches',
  password_resets: 'a person’s, not an organisation’s; read by the link’s hash',
  auth_throttle: 'counts per account and source address, shared across organisations',
  api_tokens: 'read by the bearer token’s hash on every integration request, before the organisation is known',
  tasks: 'bookkeeping of the process that runs the work (heartbeats, lost tasks) across organisations',
  mail_outbox: 'the dispatcher sends across organisations; system mail (sign-up, resets) has no organisation',
  // The pg-boss job tables live in their own schema (`pgboss`), not read here: local too.
};

/**
 * Triggers, each read and found to write only rows of the organisation of the
 * row that fired it. A new trigger fails here until it is reviewed and added.
 */
const REVIEWED_TRIGGERS: Record<string, string> = {
  'members.members_name_starts_added': 'inserts member_name_starts rows with the new firms’ own org_id',
  'members.members_name_starts_changed': 'replaces member_name_starts rows of the renamed firms, keyed by their org_id',
  'members.members_name_starts_removed': 'deletes member_name_starts rows of the deleted firms, keyed by their org_id',
  'members.members_name_words_inserted': 'adds the new firms’ words to member_name_* of their own org_id',
  'members.members_name_words_updated': 'moves the renamed firms’ words within member_name_* of their own org_id',
  'members.members_name_words_deleted': 'takes the deleted firms’ words out of member_name_* of their own org_id',
  'orgs.orgs_refuse_cycle': 'reads the branch tree (orgs, a reference table) and writes nothing',
  'person_participations.led_rollup_participations_insert': 'recounts led_rollup_* rows of the people of the inserted records, keyed by their org_id',
  'person_participations.led_rollup_participations_delete': 'recounts led_rollup_* rows of the people of the deleted records, keyed by their org_id',
  'person_participations.led_rollup_participations_update': 'recounts led_rollup_* rows of the people of the records before and after, keyed by their org_id',
  'led_measures.led_rollup_measures_delete': 'recounts led_rollup_* rows of the removed measures’ people, keyed by the measures’ org_id',
  'led_measures.led_rollup_measures_update': 'recounts led_rollup_* rows of the people of measures moved to another region, keyed by the measures’ org_id',
  'person_participations.training_reach_participations_insert': 'recounts training_reach_* rows of the people of the inserted records, keyed by their org_id',
  'person_participations.training_reach_participations_delete': 'recounts training_reach_* rows of the people of the deleted records, keyed by their org_id',
  'person_participations.training_reach_participations_update': 'recounts training_reach_* rows of the people of the records before and after, keyed by their org_id',
  'training_course_trainers.training_reach_trainers_insert': 'recounts training_reach_* rows of the people of the courses given a trainer, keyed by the rows’ org_id',
  'training_course_trainers.training_reach_trainers_delete': 'recounts training_reach_* rows of the people of the courses losing a trainer, keyed by the rows’ org_id',
  'training_course_trainers.training_reach_trainers_update': 'recounts training_reach_* rows of the people of the courses before and after, keyed by the rows’ org_id',
};

type Query = (text: string) => Promise<pg.QueryResult>;

interface Table {
  oid: number;
  name: string;
  orgColumn: number | null;
  orgNotNull: boolean | null;
}

/** What keeps the schema from being distributed by organisation, one line per problem, naming table and constraint. */
async function distributionProblems(query: Query): Promise<string[]> {
  const problems: string[] = [];
  const tables = (
    await query(`
      SELECT c.oid::int AS oid, c.relname AS name, a.attnum AS "orgColumn", a.attnotnull AS "orgNotNull"
      FROM pg_class c
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`)
  ).rows as Table[];
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const kind = (t: Table) => (t.name in REFERENCE_TABLES ? 'reference' : t.name in LOCAL_TABLES ? 'local' : t.orgColumn !== null ? 'tenant' : 'unclassified');

  for (const t of tables) {
    const k = kind(t);
    if (k === 'unclassified') problems.push(`${t.name}: has no org_id and is neither a reference nor a local table`);
    if (k === 'reference' && t.orgColumn !== null) problems.push(`${t.name}: listed as a reference table but has org_id`);
    if (k === 'tenant' && !t.orgNotNull) problems.push(`${t.name}: org_id may be null (a distribution column may not)`);
  }
  const names = new Set(tables.map((t) => t.name));
  for (const listed of [...Object.keys(REFERENCE_TABLES), ...Object.keys(LOCAL_TABLES)]) {
    if (!names.has(listed)) problems.push(`${listed}: listed but no such table`);
  }

  const keys = (
    await query(`
      SELECT conrelid::int AS "table", conname AS name, contype AS type, conkey AS columns, confrelid::int AS target, confkey AS "targetColumns"
      FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'x', 'f')
      ORDER BY conrelid::regclass::text, conname`)
  ).rows as Array<{ table: number; name: string; type: string; columns: number[]; target: number; targetColumns: number[] | null }>;
  for (const key of keys) {
    const table = byOid.get(key.table);
    if (!table) continue;
    const k = kind(table);
    if (key.type === 'f') {
      const target = byOid.get(key.target);
      if (!target) continue;
      const to = kind(target);
      if (k === 'tenant' && to === 'tenant') {
        const at = key.columns.indexOf(table.orgColumn!);
        if (at < 0 || key.targetColumns?.[at] !== target.orgColumn) {
          problems.push(`${table.name}: foreign key ${key.name} to ${target.name} does not match org_id with org_id`);
        }
      } else if (k === 'tenant' && to === 'local') {
        problems.push(`${table.name}: foreign key ${key.name} points at the local table ${target.name}`);
      } else if (k === 'local' && to === 'tenant') {
        problems.push(`${table.name}: foreign key ${key.name} of a local table points at the tenant table ${target.name}`);
      } else if (k === 'reference' && to !== 'reference') {
        problems.push(`${table.name}: foreign key ${key.name} of a reference table points at the ${to} table ${target.name}`);
      }
      continue;
    }
    if (k !== 'tenant') continue;
    if (!key.columns.includes(table.orgColumn!)) {
      const what = { p: 'primary key', u: 'unique constraint', x: 'exclusion constraint' }[key.type];
      problems.push(`${table.name}: ${what} ${key.name} lacks org_id`);
    }
  }

  // Unique indexes made without a constraint (partial ones, expressions).
  const indexes = (
    await query(`
      SELECT i.indrelid::int AS "table", ic.relname AS name, i.indkey::text AS columns, i.indnkeyatts AS "keyColumns"
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indisunique AND ic.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
      ORDER BY ic.relname`)
  ).rows as Array<{ table: number; name: string; columns: string; keyColumns: number }>;
  for (const index of indexes) {
    const table = byOid.get(index.table);
    if (!table || kind(table) !== 'tenant') continue;
    const columns = index.columns.split(' ').slice(0, index.keyColumns).map(Number);
    if (!columns.includes(table.orgColumn!)) problems.push(`${table.name}: unique index ${index.name} lacks org_id`);
  }

  const triggers = (
    await query(`
      SELECT c.relname || '.' || t.tgname AS name
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
      ORDER BY 1`)
  ).rows as Array<{ name: string }>;
  const found = new Set(triggers.map((t) => t.name));
  for (const { name } of triggers) if (!(name in REVIEWED_TRIGGERS)) problems.push(`${name}: trigger not reviewed for writes across organisations`);
  for (const name of Object.keys(REVIEWED_TRIGGERS)) if (!found.has(name)) problems.push(`${name}: reviewed trigger no longer exists`);
  return problems;
}

describe('a schema ready to be sharded by organisation', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 1 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has the organisation in every key of every tenant table, and every other table classified', async () => {
    expect(await distributionProblems((text) => database.pool.query(text))).toEqual([]);
  });

  it('names the table and the key that would keep it on one machine', async () => {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`
        CREATE TABLE probe_parents (id uuid PRIMARY KEY, org_id uuid NOT NULL);
        CREATE TABLE probe_children (
          id uuid, org_id uuid NOT NULL, parent_id uuid REFERENCES probe_parents (id), token text UNIQUE, PRIMARY KEY (id, org_id));
        CREATE UNIQUE INDEX probe_children_parent_key ON probe_children (parent_id) WHERE token IS NULL;
        CREATE TABLE probe_loose (org_id uuid, session text REFERENCES sessions (token_hash));
        CREATE TABLE probe_codes (code text PRIMARY KEY);
        CREATE FUNCTION probe_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER probe_touched BEFORE UPDATE ON probe_parents FOR EACH ROW EXECUTE FUNCTION probe_touch();`);
      const problems = await distributionProblems((text) => client.query(text));
      expect(problems.filter((p) => p.startsWith('probe_'))).toEqual([
        'probe_codes: has no org_id and is neither a reference nor a local table',
        'probe_loose: org_id may be null (a distribution column may not)',
        'probe_children: foreign key probe_children_parent_id_fkey to probe_parents does not match org_id with org_id',
        'probe_children: unique constraint probe_children_token_key lacks org_id',
        'probe_loose: foreign key probe_loose_session_fkey points at the local table sessions',
        'probe_parents: primary key probe_parents_pkey lacks org_id',
        'probe_children: unique index probe_children_parent_key lacks org_id',
        'probe_parents.probe_touched: trigger not reviewed for writes across organisations',
      ]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
