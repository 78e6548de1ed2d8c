import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportMapping, ImportReport } from '../../../../contracts/member-import.js';
import { MemberInput, MemberStatus } from '../../../../contracts/members.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import type { Table } from '../../../platform/files/read-table.js';
import { pickLocale, translator, zodMessage } from '../../../platform/i18n/i18n.js';
import { memberRules, prepareMember } from '../member-service.js';
import { members } from '../tables.js';
import { coerceRow, currencyDigits } from './coerce-row.js';

const MembershipColumns = z.object({
  status: MemberStatus.default('active'),
  joinedOn: z.iso.date().nullable().default(null),
  renewalDueOn: z.iso.date().nullable().default(null),
});

export interface CheckedRow {
  row: number;
  values: ReturnType<typeof prepareMember>['values'] & z.infer<typeof MembershipColumns>;
}

const SIMILAR_NAME = 0.6;

/** Firms already in the registry that rows probably describe: same registration number, or a very similar name. */
async function findDuplicates(ctx: TenantCtx, rows: CheckedRow[]) {
  const found = new Map<number, ImportReport['duplicates'][number]['candidates']>();
  const add = (row: number, c: ImportReport['duplicates'][number]['candidates'][number]) => found.set(row, [...(found.get(row) ?? []), c]);
  const numbers = [...new Set(rows.map((r) => r.values.registrationNumber).filter((n): n is string => !!n))];
  for (let i = 0; i < numbers.length; i += 5000) {
    const existing = await ctx.tx
      .select({ id: members.id, legalName: members.legalName, registrationNumber: members.registrationNumber })
      .from(members)
      .where(and(eq(members.orgId, ctx.orgId), inArray(members.registrationNumber, numbers.slice(i, i + 5000))));
    const byNumber = new Map(existing.map((m) => [m.registrationNumber, m]));
    for (const r of rows) {
      const m = r.values.registrationNumber ? byNumber.get(r.values.registrationNumber) : undefined;
      if (m) add(r.row, { memberId: m.id, legalName: m.legalName, reason: 'registration_number', similarity: 1 });
    }
  }
  // Names are compared in the database, where the trigram index is (see
  // member_similar_names, migration 0010), a chunk of names at a time.
  const pending = rows.filter((r) => !found.has(r.row));
  const similar: Array<{ row_number: number; member_id: string; legal_name: string; score: number }> = [];
  for (let i = 0; i < pending.length; i += 5000) {
    const names = JSON.stringify(pending.slice(i, i + 5000).map((r) => ({ row: r.row, name: r.values.legalName })));
    const res = await ctx.tx.execute<(typeof similar)[number]>(sql`SELECT * FROM member_similar_names(${names}::jsonb, ${SIMILAR_NAME}::real)`);
    similar.push(...res.rows);
  }
  for (const s of similar) {
    if ((found.get(s.row_number)?.length ?? 0) < 3) add(s.row_number, { memberId: s.member_id, legalName: s.legal_name, reason: 'similar_name', similarity: Math.round(Number(s.score) * 100) / 100 });
  }
  return found;
}

/**
 * The dry run: every row checked as if it were imported, nothing written.
 * Returns the report a person reads, and the rows ready to insert.
 */
export async function checkImport(ctx: TenantCtx, table: Table, mapping: ImportMapping) {
  const t = translator(ctx.locale);
  const locale = pickLocale(ctx.locale);
  const rules = await memberRules(ctx);
  const digits = currencyDigits(rules.currency);
  const rejected: ImportReport['rejected'] = [];
  const valid: CheckedRow[] = [];
  const seenNumbers = new Map<string, number>();

  table.rows.forEach((cells, i) => {
    const row = i + 2; // as the spreadsheet numbers it, under the header
    const problems: ImportReport['rejected'][number]['problems'] = [];
    const problem = (field: string, code: string, params: Record<string, unknown> = {}, message?: string) => problems.push({ field, code, message: message ?? t(`errors.${code}`, params) });
    const { values, problems: readProblems } = coerceRow(cells, mapping, { country: rules.country, currencyDigits: digits });
    readProblems.forEach((p) => problem(p.field, p.code, p.params));
    const { status, joinedOn, renewalDueOn, ...memberFields } = values;
    const parsed = MemberInput.safeParse(memberFields);
    const membership = MembershipColumns.safeParse({ status, joinedOn, renewalDueOn });
    for (const issue of [...(parsed.error?.issues ?? []), ...(membership.error?.issues ?? [])]) {
      const field = String(issue.path[0] ?? '');
      if (readProblems.some((p) => p.field === field)) continue;
      const custom = issue.code === 'custom' ? (issue as { params?: { code?: string } }).params?.code : undefined;
      problem(field, custom ?? issue.code, issue as never, custom ? undefined : zodMessage(locale, issue as never));
    }
    if (parsed.success) {
      const prepared = prepareMember(parsed.data, rules);
      prepared.errors.forEach((e) => problem(e.path, e.code, e.params));
      const number = parsed.data.registrationNumber;
      if (number) {
        const first = seenNumbers.get(number);
        if (first) problem('registrationNumber', 'members.import_duplicate_in_file', { row: first });
        else seenNumbers.set(number, row);
      }
      if (problems.length === 0 && membership.success) valid.push({ row, values: { ...prepared.values, ...membership.data } });
    }
    if (problems.length) rejected.push({ row, problems });
  });

  const duplicates = valid.length ? await findDuplicates(ctx, valid) : new Map();
  const report: ImportReport = {
    rows: table.rows.length,
    valid: valid.length,
    rejected,
    duplicates: valid
      .filter((r) => duplicates.has(r.row))
      .map((r) => {
        const candidates = duplicates.get(r.row)!;
        const sameNumber = candidates.find((c: { reason: string }) => c.reason === 'registration_number');
        return { row: r.row, legalName: r.values.legalName, candidates, suggested: sameNumber ? { merge: sameNumber.memberId } : ('create' as const) };
      }),
  };
  return { report, valid };
}
