import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ApprovedPaper, Paper, PaperInput, PaperSummary, PaperVersion } from '../../../contracts/position-papers.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { addAdvocacyEvent } from './history-service.js';
import { getIssueRow } from './issue-row.js';
import { presentPaperSummary } from './present.js';
import { advocacyIssues, positionPapers, positionPaperVersions } from './tables.js';

type Row = typeof positionPapers.$inferSelect;

const summary = presentPaperSummary;

async function getPaperRow(ctx: TenantCtx, id: string, lock = false): Promise<Row> {
  const query = ctx.tx.select().from(positionPapers).where(and(eq(positionPapers.id, id), eq(positionPapers.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('advocacy.paper_not_found');
  return row;
}

async function addVersion(ctx: TenantCtx, paperId: string, version: number, input: PaperInput) {
  await ctx.tx.insert(positionPaperVersions).values({
    orgId: ctx.orgId, paperId, version, title: input.title, problem: input.problem, evidence: input.evidence, proposals: input.proposals, expectedImpact: input.expectedImpact,
    authorUserId: ctx.actor.userId, authorName: ctx.actor.name,
  });
}

export async function papersOfIssue(ctx: TenantCtx, issueId: string): Promise<PaperSummary[]> {
  await getIssueRow(ctx, issueId);
  const rows = await ctx.tx.select().from(positionPapers).where(and(eq(positionPapers.issueId, issueId), eq(positionPapers.orgId, ctx.orgId))).orderBy(desc(positionPapers.updatedAt));
  return rows.map(summary);
}

/**
 * The approved version of each approved paper of an issue, newest first: what
 * the organisation stands by, shown to the forums the issue is brought to
 * (drafts and reviews stay with those who read advocacy).
 */
export async function approvedPapersOfIssue(ctx: TenantCtx, issueId: string): Promise<ApprovedPaper[]> {
  const rows = await ctx.tx
    .select({ paperId: positionPapers.id, v: positionPaperVersions })
    .from(positionPapers)
    .innerJoin(positionPaperVersions, and(eq(positionPaperVersions.orgId, positionPapers.orgId), eq(positionPaperVersions.paperId, positionPapers.id), eq(positionPaperVersions.version, positionPapers.approvedVersion)))
    .where(and(eq(positionPapers.orgId, ctx.orgId), eq(positionPapers.issueId, issueId)))
    .orderBy(desc(positionPaperVersions.createdAt), asc(positionPapers.id));
  return rows.map(({ paperId, v }) => ({
    paperId,
    shown: { version: v.version, title: v.title, problem: v.problem, evidence: v.evidence, proposals: v.proposals, expectedImpact: v.expectedImpact, author: v.authorName, createdAt: v.createdAt.toISOString() },
  }));
}

export async function getPaper(ctx: TenantCtx, id: string, version?: number): Promise<Paper> {
  const row = await getPaperRow(ctx, id);
  const versions = await ctx.tx.select().from(positionPaperVersions).where(and(eq(positionPaperVersions.paperId, id), eq(positionPaperVersions.orgId, ctx.orgId))).orderBy(asc(positionPaperVersions.version));
  const wanted = versions.find((v) => v.version === (version ?? row.latestVersion));
  if (!wanted) throw fieldError('version', 'advocacy.version_not_found');
  const [issue] = await ctx.tx.select({ title: advocacyIssues.title }).from(advocacyIssues).where(eq(advocacyIssues.id, row.issueId));
  const present = (v: typeof wanted): PaperVersion => ({ version: v.version, title: v.title, problem: v.problem, evidence: v.evidence, proposals: v.proposals, expectedImpact: v.expectedImpact, author: v.authorName, createdAt: v.createdAt.toISOString() });
  return { ...summary(row), issueTitle: issue?.title ?? '', shown: present(wanted), versions: versions.map((v) => ({ version: v.version, title: v.title, author: v.authorName, createdAt: v.createdAt.toISOString() })) };
}

export async function createPaper(ctx: TenantCtx, issueId: string, input: PaperInput) {
  await getIssueRow(ctx, issueId, true);
  const [row] = await ctx.tx.insert(positionPapers).values({ orgId: ctx.orgId, issueId, title: input.title }).returning();
  await addVersion(ctx, row!.id, 1, input);
  await addAdvocacyEvent(ctx, issueId, { action: 'paper_created', to: input.title });
  return row!;
}

/**
 * Saving makes a new version; earlier ones stay as they were. A paper under
 * review is frozen until the reviewer decides. Revising an approved paper
 * starts a new draft, while the approved version stays the published one.
 */
export async function revisePaper(ctx: TenantCtx, id: string, input: PaperInput) {
  const row = await getPaperRow(ctx, id, true);
  if (row.status === 'in_review') throw new AppError('advocacy.paper_in_review');
  const version = row.latestVersion + 1;
  await addVersion(ctx, id, version, input);
  await ctx.tx.update(positionPapers).set({ title: input.title, latestVersion: version, status: 'draft', updatedAt: sql`now()` }).where(eq(positionPapers.id, id));
  await addAdvocacyEvent(ctx, row.issueId, { action: 'paper_version', to: `${input.title} v${version}` });
}

export async function submitPaper(ctx: TenantCtx, id: string) {
  const row = await getPaperRow(ctx, id, true);
  if (row.status !== 'draft') throw new AppError('advocacy.paper_not_draft');
  await ctx.tx.update(positionPapers).set({ status: 'in_review', updatedAt: sql`now()` }).where(eq(positionPapers.id, id));
  await addAdvocacyEvent(ctx, row.issueId, { action: 'paper_submitted', to: `${row.title} v${row.latestVersion}` });
}

/** The director approves the version under review, or returns it with what to change. */
export async function reviewPaper(ctx: TenantCtx, id: string, input: { decision: 'approve' | 'return'; note: string }) {
  const row = await getPaperRow(ctx, id, true);
  if (row.status !== 'in_review') throw new AppError('advocacy.paper_not_in_review');
  if (input.decision === 'return' && !input.note) throw fieldError('note', 'advocacy.review_note_required');
  const approve = input.decision === 'approve';
  await ctx.tx.update(positionPapers).set({ status: approve ? 'approved' : 'draft', approvedVersion: approve ? row.latestVersion : row.approvedVersion, updatedAt: sql`now()` }).where(eq(positionPapers.id, id));
  await addAdvocacyEvent(ctx, row.issueId, { action: approve ? 'paper_approved' : 'paper_returned', to: `${row.title} v${row.latestVersion}`, note: input.note });
  await recordAudit(ctx, { action: `position_paper.${input.decision}`, entityType: 'position_paper', entityId: id, after: { version: row.latestVersion } });
}

/** Publishing shows the approved version on the public reform tracker. */
export async function setPaperPublished(ctx: TenantCtx, id: string, published: boolean) {
  const row = await getPaperRow(ctx, id, true);
  if (published && !row.approvedVersion) throw new AppError('advocacy.paper_not_approved');
  if (row.published === published) return nothingChanged();
  await ctx.tx.update(positionPapers).set({ published, updatedAt: sql`now()` }).where(eq(positionPapers.id, id));
  const [approved] = await ctx.tx.select({ title: positionPaperVersions.title }).from(positionPaperVersions)
    .where(and(eq(positionPaperVersions.paperId, id), eq(positionPaperVersions.version, row.approvedVersion!)));
  await addAdvocacyEvent(ctx, row.issueId, { action: published ? 'paper_published' : 'paper_unpublished', to: `${approved!.title} v${row.approvedVersion}` });
}

/** Published papers of published issues, for the public tracker, under their approved version's title. */
export async function publishedPapers(ctx: TenantCtx) {
  return ctx.tx
    .select({ id: positionPapers.id, issueId: positionPapers.issueId, title: positionPaperVersions.title, version: positionPapers.approvedVersion })
    .from(positionPapers)
    .innerJoin(advocacyIssues, eq(advocacyIssues.id, positionPapers.issueId))
    .innerJoin(positionPaperVersions, and(eq(positionPaperVersions.paperId, positionPapers.id), eq(positionPaperVersions.version, positionPapers.approvedVersion)))
    .where(and(eq(positionPapers.orgId, ctx.orgId), eq(positionPapers.published, true), eq(advocacyIssues.published, true)));
}
