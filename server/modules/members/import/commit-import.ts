import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DuplicateDecision, FileDuplicateChoices, ImportMapping, ImportReport } from '../../../../contracts/member-import.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { insertRows } from '../../../platform/db/insert-rows.js';
import type { TaskWork } from '../../../platform/tasks/task-runner.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Table } from '../../../platform/files/read-table.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { memberRules } from '../member-service.js';
import { memberContacts, memberImports, memberInteractions, members, membershipStatusHistory } from '../tables.js';
import { checkImport, keepsTotalAsNote, type CheckedRow } from './check-import.js';
import { mergeRow, mergeTargets, writeMerges } from './merge-row.js';
import { orgToday } from '../../orgs/org-service.js';

const BATCH = 1000; // rows per statement: one JSON parameter of about half a megabyte

export interface CommitChoices {
  decisions?: Record<string, DuplicateDecision>;
  /** Per registration number shared by rows of the file: the row to keep, or all. */
  fileDuplicates?: FileDuplicateChoices;
  /** How many rejected rows the person agreed to leave out (see SkipRejected). */
  skipRejected?: number;
}

/** The rows of the file that share a registration number and are not kept. */
function rowsLeftOut(report: ImportReport, choices: FileDuplicateChoices) {
  const out = new Set<number>();
  for (const group of report.fileDuplicates) {
    const choice = choices[group.registrationNumber];
    const rows = group.rows.map((r) => r.row);
    if (choice === undefined || (choice !== 'all' && !rows.includes(choice))) {
      throw new AppError('members.import_file_duplicates_undecided', { number: group.registrationNumber, rows: rows.join(', ') });
    }
    if (choice !== 'all') rows.filter((r) => r !== choice).forEach((r) => out.add(r));
  }
  return out;
}

/**
 * Imports a file: checks its rows again (short transactions; of the registry's
 * firms only those with the same registration number, see checkImport), then writes every row
 * it takes in one transaction, all or none; a cancellation during the writing
 * rolls it back. Rejected rows are left out only when the person agreed to
 * leave out exactly as many as the check found; otherwise the file is refused whole.
 */
export async function commitImport(work: TaskWork, table: Table, mapping: ImportMapping, choices: CommitChoices, filename: string) {
  const { report, valid } = await checkImport(work, table, mapping, { duplicates: 'numbers' });
  if (report.rejected.length > 0 && choices.skipRejected !== report.rejected.length) throw new AppError('members.import_has_errors', { count: report.rejected.length });
  const leftOut = rowsLeftOut(report, choices.fileDuplicates ?? {});
  const suggested = new Map(report.duplicates.map((d) => [d.row, d.suggested]));
  const toCreate: CheckedRow[] = [];
  const toMerge: Array<{ row: CheckedRow; decision: Extract<DuplicateDecision, { merge: string }> }> = [];
  let skipped = leftOut.size;
  for (const r of valid) {
    if (leftOut.has(r.row)) continue;
    const decision = choices.decisions?.[String(r.row)] ?? suggested.get(r.row) ?? 'create';
    if (decision === 'skip') skipped++;
    else if (decision === 'create') toCreate.push(r);
    else toMerge.push({ row: r, decision });
  }
  const total = toCreate.length + toMerge.length;
  work.progress('saving', 0, total);
  return work.tenant(async (ctx) => {
    // The import's record is written once, complete: the app may not rewrite it.
    const [imp] = await ctx.tx
      .insert(memberImports)
      .values({ orgId: ctx.orgId, filename: filename.slice(0, 200), rows: report.rows, created: toCreate.length, merged: toMerge.length, skipped, importedBy: ctx.actor.name })
      .returning();

    const t = translator(ctx.locale);
    const today = await orgToday(ctx);
    const contacts: Array<{ memberId: string; name: string }> = [];
    const notes: Array<{ memberId: string; total: number }> = [];
    const extrasOf = (memberId: string, r: CheckedRow) => {
      if (r.extras.contactName) contacts.push({ memberId, name: r.extras.contactName });
      if (keepsTotalAsNote(r)) notes.push({ memberId, total: r.extras.employeesTotal! });
    };

    const rules = toMerge.length ? await memberRules(ctx) : null;
    const targets = await mergeTargets(ctx, toMerge.map((m) => m.decision.merge));
    for (const [k, { row, decision }] of toMerge.entries()) {
      if (k % 50 === 0) work.progress('saving', k, total);
      await work.checkpoint();
      const contactNames = mergeRow(ctx, row, decision, rules!, imp!.id, targets);
      const known = row.extras.contactName !== null && contactNames.has(row.extras.contactName.toLowerCase());
      extrasOf(decision.merge, known ? { ...row, extras: { ...row.extras, contactName: null } } : row);
    }
    await writeMerges(ctx, targets);

    for (let i = 0; i < toCreate.length; i += BATCH) {
      work.progress('saving', toMerge.length + i, total);
      await work.checkpoint();
      const batch = toCreate.slice(i, i + BATCH).map((r) => ({ r, id: randomUUID() }));
      const inserted = await insertRows<{ id: string; status: string }>(
        ctx.tx,
        members,
        batch.map(({ r, id }) => ({ ...r.values, id, orgId: ctx.orgId, importId: imp!.id })),
        sql`id, status`,
      );
      await insertRows(
        ctx.tx,
        membershipStatusHistory,
        inserted.map((m) => ({ orgId: ctx.orgId, memberId: m.id, toStatus: m.status, reason: `import ${filename}`.slice(0, 500), changedBy: ctx.actor.name })),
      );
      batch.forEach(({ r, id }) => extrasOf(id, r));
    }

    // The contact person becomes the firm's first contact; consent to be
    // contacted is not in a spreadsheet, so it stays unrecorded.
    for (let i = 0; i < contacts.length; i += BATCH) {
      await insertRows(ctx.tx, memberContacts, contacts.slice(i, i + BATCH).map((c) => ({ orgId: ctx.orgId, memberId: c.memberId, name: c.name, role: '', consentToContact: false })));
    }
    for (let i = 0; i < notes.length; i += BATCH) {
      await insertRows(
        ctx.tx,
        memberInteractions,
        notes.slice(i, i + BATCH).map((n) => ({ orgId: ctx.orgId, memberId: n.memberId, kind: 'note', occurredOn: today, summary: t('members.import.totalNote', { count: n.total, filename }), createdBy: ctx.actor.userId })),
      );
    }
    // One entry for the whole import; each firm carries the import's id. Contact
    // names stay out of it: an erased contact must not survive in the log.
    const result = { created: toCreate.length, merged: toMerge.length, skipped, rejected: report.rejected.length };
    await recordAudit(ctx, {
      action: 'member.import',
      entityType: 'member_import',
      entityId: imp!.id,
      after: { filename, rows: report.rows, ...result, rejectedRows: report.rejected.map((r) => r.row), contacts: contacts.length, employeeTotalsAsNotes: notes.length },
    });
    work.progress('saving', total, total);
    return { importId: imp!.id, ...result };
  });
}
