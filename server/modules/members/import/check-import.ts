import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportMapping, ImportReport } from '../../../../contracts/member-import.js';
import { MemberInput, MemberStatus } from '../../../../contracts/members.js';
import type { TaskWork } from '../../../platform/tasks/task-runner.js';
import type { Table } from '../../../platform/files/read-table.js';
import { pickLocale, translator, zodMessage } from '../../../platform/i18n/i18n.js';
import { memberRules, prepareMember } from '../member-service.js';
import { members } from '../tables.js';
import { currencyDigits } from '../../../../contracts/money.js';
import { coerceRow } from './coerce-row.js';
import { differencesFrom } from './differences.js';
import { formulaCells, sheetRow } from './sheet-cells.js';
import { NameIndex } from './name-index.js';

const MembershipColumns = z.object({
  status: MemberStatus.default('active'),
  joinedOn: z.iso.date().nullable().default(null),
  renewalDueOn: z.iso.date().nullable().default(null),
});

/** What a row brings that is not a member field. */
const Extras = z.object({
  employeesTotal: z.number().int().min(0).max(10_000_000).nullable().default(null),
  contactName: z.string().trim().max(200).transform((v) => v || null).nullable().default(null),
});

export interface CheckedRow {
  row: number;
  values: ReturnType<typeof prepareMember>['values'] & z.infer<typeof MembershipColumns>;
  extras: z.infer<typeof Extras>;
  /** The fields the file fills (the mapped ones): only these can differ from the registry. */
  mapped: string[];
}

type Candidate = ImportReport['duplicates'][number]['candidates'][number];
const SIMILAR_NAME = 0.6;
/** Registry rows read per transaction, and names unaccented per statement: short enough that nobody waits long behind them. */
const PAGE = 5000;

/** The registry's names, a page per transaction, as a trigram index. */
async function registryNames(work: TaskWork) {
  const index = new NameIndex();
  const firms: Array<{ id: string; legalName: string }> = [];
  let after: string | null = null;
  for (;;) {
    const page = await work.tenant((ctx) =>
      ctx.tx
        .select({ id: members.id, legalName: members.legalName, searchName: members.searchName })
        .from(members)
        .where(and(eq(members.orgId, ctx.orgId), after ? gt(members.id, after) : undefined))
        .orderBy(members.id)
        .limit(PAGE),
    );
    for (const m of page) {
      index.add(m.searchName ?? '');
      firms.push({ id: m.id, legalName: m.legalName });
      await work.checkpoint();
    }
    work.progress('registry', firms.length, firms.length + (page.length === PAGE ? PAGE : 0));
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  index.seal();
  return { index, firms };
}

/** Firms already in the registry that rows probably describe: same registration number, or a very similar name. */
async function findDuplicates(work: TaskWork, rows: CheckedRow[], byName: boolean) {
  const found = new Map<number, Array<Omit<Candidate, 'differences'>>>();
  const add = (row: number, c: Omit<Candidate, 'differences'>) => found.set(row, [...(found.get(row) ?? []), c]);
  const numbers = [...new Set(rows.map((r) => r.values.registrationNumber).filter((n): n is string => !!n))];
  for (let i = 0; i < numbers.length; i += PAGE) {
    const existing = await work.tenant((ctx) =>
      ctx.tx
        .select({ id: members.id, legalName: members.legalName, registrationNumber: members.registrationNumber })
        .from(members)
        .where(and(eq(members.orgId, ctx.orgId), inArray(members.registrationNumber, numbers.slice(i, i + PAGE)))),
    );
    const byNumber = new Map(existing.map((m) => [m.registrationNumber, m]));
    for (const r of rows) {
      const m = r.values.registrationNumber ? byNumber.get(r.values.registrationNumber) : undefined;
      if (m) add(r.row, { memberId: m.id, legalName: m.legalName, reason: 'registration_number', similarity: 1 });
    }
  }
  // Names are compared here, against the registry read once (name-index.ts);
  // the database only writes each name as it stores search names (lowered, unaccented).
  const pending = rows.filter((r) => !found.has(r.row));
  if (pending.length === 0 || !byName) return found;
  const { index, firms } = await registryNames(work);
  for (let i = 0; i < pending.length; i += PAGE) {
    const chunk = pending.slice(i, i + PAGE);
    const keys = await work.tenant(async (ctx) => {
      const names = JSON.stringify(chunk.map((r) => r.values.legalName));
      const res = await ctx.tx.execute<{ key: string }>(sql`SELECT f_unaccent(lower(n)) AS key FROM jsonb_array_elements_text(${names}::jsonb) WITH ORDINALITY AS x(n, i) ORDER BY i`);
      return res.rows.map((r) => r.key);
    });
    for (let k = 0; k < chunk.length; k++) {
      for (const m of index.match(keys[k]!, SIMILAR_NAME, 3)) {
        const firm = firms[m.entry]!;
        add(chunk[k]!.row, { memberId: firm.id, legalName: firm.legalName, reason: 'similar_name', similarity: Math.round(m.score * 100) / 100 });
      }
      if (k % 100 === 0) work.progress('comparing', i + k, pending.length);
      await work.checkpoint();
    }
  }
  return found;
}

/** The registry's records of the candidates, to show what a merge would change. */
async function loadCandidates(work: TaskWork, ids: string[]) {
  const byId = new Map<string, typeof members.$inferSelect>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await work.tenant((ctx) => ctx.tx.select().from(members).where(and(eq(members.orgId, ctx.orgId), inArray(members.id, ids.slice(i, i + PAGE)))));
    rows.forEach((m) => byId.set(m.id, m));
  }
  return byId;
}

/**
 * The dry run: every row checked as if it were imported, nothing written.
 * Returns the report a person reads, and the rows ready to insert. It runs in
 * short transactions, yielding between rows, so that a file of 20,000 rows
 * holds neither the database nor the server. `duplicates` says which firms
 * already in the registry to look for: by registration number and similar
 * name (the person's check), by number only (the import itself: a similar
 * name only ever suggests creating the firm, the default anyway), or none.
 */
export async function checkImport(work: TaskWork, table: Table, mapping: ImportMapping, options: { duplicates?: 'all' | 'numbers' | 'none' } = {}) {
  const t = translator(work.scope.locale);
  const locale = pickLocale(work.scope.locale);
  const rules = await work.tenant(memberRules);
  const digits = currencyDigits(rules.currency);
  const rejected: ImportReport['rejected'] = [];
  const valid: CheckedRow[] = [];
  const missingDistricts = new Map<string, ImportReport['missingDistricts'][number]>();
  const mapped = Object.keys(mapping);

  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    if (i % 200 === 0) work.progress('checking', i, table.rows.length);
    await work.checkpoint();
    const row = sheetRow(table, i);
    const problems: ImportReport['rejected'][number]['problems'] = [];
    const problem = (field: string, code: string, params: Record<string, unknown> = {}, message?: string) => problems.push({ field, code, message: message ?? t(`errors.${code}`, params) });
    const { values, problems: readProblems } = coerceRow(cells, mapping, { country: rules.country, currencyDigits: digits });
    readProblems.forEach((p) => problem(p.field, p.code, p.params));
    const { status, joinedOn, renewalDueOn, employeesTotal, contactName, ...memberFields } = values;
    const parsed = MemberInput.safeParse(memberFields);
    const membership = MembershipColumns.safeParse({ status, joinedOn, renewalDueOn });
    const extras = Extras.safeParse({ employeesTotal, contactName });
    for (const issue of [...(parsed.error?.issues ?? []), ...(membership.error?.issues ?? []), ...(extras.error?.issues ?? [])]) {
      const field = String(issue.path[0] ?? '');
      if (readProblems.some((p) => p.field === field)) continue;
      const custom = issue.code === 'custom' ? (issue as { params?: { code?: string } }).params?.code : undefined;
      problem(field, custom ?? issue.code, issue as never, custom ? undefined : zodMessage(locale, issue as never));
    }
    if (parsed.success) {
      const prepared = prepareMember(parsed.data, rules);
      for (const e of prepared.errors) {
        problem(e.path, e.code, e.params);
        if (e.code === 'members.district_unknown') {
          const region = parsed.data.region ?? null;
          const key = `${region ?? ''}\u0000${parsed.data.district!.toLowerCase()}`;
          const seen = missingDistricts.get(key) ?? { region, name: parsed.data.district!, rows: 0 };
          missingDistricts.set(key, { ...seen, rows: seen.rows + 1 });
        }
      }
      if (problems.length === 0 && membership.success && extras.success) valid.push({ row, values: { ...prepared.values, ...membership.data }, extras: extras.data, mapped });
    }
    if (problems.length) rejected.push({ row, problems });
  }

  const look = options.duplicates ?? 'all';
  const duplicates = valid.length && look !== 'none' ? await findDuplicates(work, valid, look === 'all') : new Map<number, Array<Omit<Candidate, 'differences'>>>();
  const registry = await loadCandidates(work, [...new Set([...duplicates.values()].flat().map((c) => c.memberId))]);

  const byNumber = new Map<string, CheckedRow[]>();
  for (const r of valid) if (r.values.registrationNumber) byNumber.set(r.values.registrationNumber, [...(byNumber.get(r.values.registrationNumber) ?? []), r]);
  const used = new Set(Object.values(mapping));

  // Row by row, yielding: 20,000 rows with three candidates each took most of a second.
  const duplicateRows: ImportReport['duplicates'] = [];
  for (const r of valid) {
    if (!duplicates.has(r.row)) continue;
    await work.checkpoint();
    const candidates = duplicates.get(r.row)!.map((c) => ({ ...c, differences: differencesFrom(registry.get(c.memberId)!, r) }));
    const sameNumber = candidates.find((c) => c.reason === 'registration_number');
    // Empty registry fields are filled from the file; conflicting ones wait for the person.
    const fields = sameNumber ? Object.fromEntries(sameNumber.differences.filter((d) => d.registry === null && d.field !== 'status').map((d) => [d.field, 'file' as const])) : {};
    duplicateRows.push({ row: r.row, legalName: r.values.legalName, candidates, suggested: sameNumber ? { merge: sameNumber.memberId, fields } : ('create' as const) });
  }

  const report: ImportReport = {
    rows: table.rows.length,
    valid: valid.length,
    rejected,
    duplicates: duplicateRows,
    fileDuplicates: [...byNumber]
      .filter(([, rows]) => rows.length > 1)
      .map(([registrationNumber, rows]) => ({ registrationNumber, rows: rows.map((r) => ({ row: r.row, legalName: r.values.legalName })) })),
    formulas: formulaCells(table),
    notImported: table.columns.filter((_, i) => !used.has(i)),
    missingDistricts: [...missingDistricts.values()],
    totalEmployeesAsNote: valid.filter(keepsTotalAsNote).length,
  };
  return { report, valid };
}

/** The registry counts women and men; a total alone cannot be split, so it is kept as a note. */
export function keepsTotalAsNote(r: CheckedRow) {
  return r.extras.employeesTotal !== null && r.values.employeesFemale == null && r.values.employeesMale == null;
}
