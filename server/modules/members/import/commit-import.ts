import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DuplicateDecision, FileDuplicateChoices, ImportMapping, ImportReport } from '../../../../contracts/member-import.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
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
import { undoImport } from './undo-import.js';

const BATCH = 1000; // rows per statement: one JSON parameter of about half a megabyte
/**
 * New firms per transaction. On the embedded database every request waits
 * behind an open transaction; 500 firms (with their name words) take about half
 * a second there, which is as long as the member list should wait.
 */
const STEP = 500;

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
 * firms only those with the same registration number, see checkImport), then
 * writes it in steps, so that nobody waits behind the whole import: the
 * import's record ('writing'), the new firms 500 per transaction, and last, in
 * one transaction, the merges into existing firms and the record made 'done'.
 * Until that last step commits the import is unfinished: a cancellation, a
 * failure or a crash takes back the firms it wrote (`undoImport`, run here,
 * or by the task sweep when the process died), so it lands all or none.
 * Rejected rows are left out only when the person agreed to leave out exactly
 * as many as the check found; otherwise the file is refused whole.
 */
export async function commitImport(work: TaskWork, table: Table, mapping: ImportMapping, choices: CommitChoices, filename: string) {
  const { report, valid } = await checkImport(work, table, mapping, { duplicates: 'numbers' });
  if (report.rejected.length > 0 && choices.skipRejected !== report.rejected.length) throw new AppError('members.import_has_errors', { count: report.rejected.length });
  const leftOut = rowsLeftOut(report, choices.fileDuplicates ?? {});
  const suggested = new Map(report.duplicates.map((d) => [d.row, d.suggested]));
  const toCreate: CheckedRow[] = [];
  const toMerge: MergeRows = [];
  let skipped = leftOut.size;
  for (const r of valid) {
    if (leftOut.has(r.row)) continue;
    const decision = choices.decisions?.[String(r.row)] ?? suggested.get(r.row) ?? 'create';
    if (decision === 'skip') skipped++;
    else if (decision === 'create') toCreate.push(r);
    else toMerge.push({ row: r, decision });
  }
  const total = toCreate.length + toMerge.length;
  const importId = randomUUID();
  const result = { created: toCreate.length, merged: toMerge.length, skipped, rejected: report.rejected.length };
  work.progress('saving', 0, total);

  const { today } = await work.tenant(async (ctx) => {
    // A merge that cannot be made refuses the import before anything is written.
    await prepareMerges(work, ctx, toMerge, importId);
    // The import's record is written once, complete: the app may change only its state.
    await ctx.tx.insert(memberImports).values({
      id: importId,
      orgId: ctx.orgId,
      filename: filename.slice(0, 200),
      rows: report.rows,
      ...result,
      importedBy: ctx.actor.name,
      taskId: work.taskId,
      state: 'writing',
    });
    return { today: await orgToday(ctx) };
  });

  try {
    const extras = new Extras(filename, today);
    for (let i = 0; i < toCreate.length; i += STEP) {
      work.progress('saving', i, total);
      await work.checkpoint();
      const step = toCreate.slice(i, i + STEP).map((r) => ({ r, id: randomUUID() }));
      await work.tenant(async (ctx) => {
        await stillWriting(ctx, importId);
        for (let j = 0; j < step.length; j += BATCH) {
          const batch = step.slice(j, j + BATCH);
          const inserted = await insertRows<{ id: string; status: string }>(
            ctx.tx,
            members,
            batch.map(({ r, id }) => ({ ...r.values, id, orgId: ctx.orgId, importId })),
            sql`id, status`,
          );
          await insertRows(
            ctx.tx,
            membershipStatusHistory,
            inserted.map((m) => ({ orgId: ctx.orgId, memberId: m.id, toStatus: m.status, reason: `import ${filename}`.slice(0, 500), changedBy: ctx.actor.name })),
          );
        }
        await extras.write(ctx, step.map(({ r, id }) => ({ memberId: id, row: r })));
      });
    }

    work.progress('saving', toCreate.length, total);
    await work.checkpoint();
    await work.tenant(async (ctx) => {
      await stillWriting(ctx, importId);
      const targets = await prepareMerges(work, ctx, toMerge, importId);
      await writeMerges(ctx, targets);
      await extras.write(
        ctx,
        toMerge.map(({ row, decision }) => {
          const known = row.extras.contactName !== null && (targets.contacts.get(decision.merge)?.has(row.extras.contactName.toLowerCase()) ?? false);
          return { memberId: decision.merge, row: known ? { ...row, extras: { ...row.extras, contactName: null } } : row };
        }),
      );
      await ctx.tx.update(memberImports).set({ state: 'done' }).where(and(eq(memberImports.orgId, ctx.orgId), eq(memberImports.id, importId)));
      // One entry for the whole import; each firm carries the import's id. Contact
      // names stay out of it: an erased contact must not survive in the log.
      await recordAudit(ctx, {
        action: 'member.import',
        entityType: 'member_import',
        entityId: importId,
        after: { filename, rows: report.rows, ...result, rejectedRows: report.rejected.map((r) => r.row), contacts: extras.contacts, employeeTotalsAsNotes: extras.notes },
      });
    });
  } catch (error) {
    await work.tenant((ctx) => undoImport(ctx, { importId }));
    throw error;
  }
  work.progress('saving', total, total);
  return { importId, ...result };
}

/**
 * Each step first holds the import's record, so that a take-back (which
 * updates it) waits for the step or the step for it: a step never lands after
 * the import was taken back (the sweep may judge a slow task lost).
 */
async function stillWriting(ctx: TenantCtx, importId: string) {
  const [row] = await ctx.tx.select({ state: memberImports.state }).from(memberImports).where(and(eq(memberImports.orgId, ctx.orgId), eq(memberImports.id, importId))).for('share');
  if (row?.state !== 'writing') throw new AppError('members.import_undone');
}

type MergeRows = Array<{ row: CheckedRow; decision: Extract<DuplicateDecision, { merge: string }> }>;

/** Reads the firms merged into and works out each merge; throws when one needs a choice not made. */
async function prepareMerges(work: TaskWork, ctx: TenantCtx, toMerge: MergeRows, importId: string) {
  const targets = await mergeTargets(ctx, toMerge.map((m) => m.decision.merge));
  if (!toMerge.length) return targets;
  const rules = await memberRules(ctx);
  for (const [k, { row, decision }] of toMerge.entries()) {
    if (k % 200 === 0) await work.checkpoint();
    mergeRow(ctx, row, decision, rules, importId, targets);
  }
  return targets;
}

/**
 * What a row brings beside the firm: the contact person becomes the firm's
 * first contact (consent to be contacted is not in a spreadsheet, so it stays
 * unrecorded), and a total of employees that cannot be split into women and men
 * becomes a note on the firm's timeline.
 */
class Extras {
  contacts = 0;
  notes = 0;
  constructor(
    private filename: string,
    private today: string,
  ) {}

  async write(ctx: TenantCtx, rows: Array<{ memberId: string; row: CheckedRow }>) {
    const t = translator(ctx.locale);
    const contacts = rows.filter(({ row }) => row.extras.contactName).map(({ memberId, row }) => ({ orgId: ctx.orgId, memberId, name: row.extras.contactName!, role: '', consentToContact: false }));
    const notes = rows
      .filter(({ row }) => keepsTotalAsNote(row))
      .map(({ memberId, row }) => ({ orgId: ctx.orgId, memberId, kind: 'note' as const, occurredOn: this.today, summary: t('members.import.totalNote', { count: row.extras.employeesTotal!, filename: this.filename }), createdBy: ctx.actor.userId }));
    for (let i = 0; i < contacts.length; i += BATCH) await insertRows(ctx.tx, memberContacts, contacts.slice(i, i + BATCH));
    for (let i = 0; i < notes.length; i += BATCH) await insertRows(ctx.tx, memberInteractions, notes.slice(i, i + BATCH));
    this.contacts += contacts.length;
    this.notes += notes.length;
  }
}
