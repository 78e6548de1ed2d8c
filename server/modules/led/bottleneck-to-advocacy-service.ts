import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { BottleneckEvidence } from '../../../contracts/led-interviews.js';
import { linkEvidence } from '../advocacy/evidence-service.js';
import { createAdvocacyIssue } from '../advocacy/issue-service.js';
import { questionEvidence } from '../surveys/evidence-service.js';
import { bottleneckEvidence } from './coding-service.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { getBottleneckRow, getRegionRow } from './region-rows.js';
import { ledBottlenecks } from './tables.js';

/**
 * Takes a regulatory bottleneck to advocacy (issue 17.4): an advocacy issue
 * in its diagnostic step, its problem the bottleneck's description and
 * evidence, its first history entry saying where it came from; the bottleneck
 * then points to it. Once per bottleneck (the row is locked, and the link is
 * unique): a second click gets the issue already made.
 */
export async function takeBottleneckToAdvocacy(ctx: TenantCtx, regionId: string, id: string): Promise<string> {
  const region = await getRegionRow(ctx, regionId);
  const row = await getBottleneckRow(ctx, regionId, id, true);
  if (row.kind !== 'regulatory') throw new AppError('led.bottleneck_not_regulatory');
  if (row.advocacyIssueId) throw new AppError('led.bottleneck_in_advocacy');
  const t = translator(ctx.locale);
  // The advocacy issue names the region where the organisation's settings know it.
  const known = new Set((await getCurrentOrg(ctx)).regions);
  const coded = await bottleneckEvidence(ctx, regionId, id);
  // The advocacy issue's problem holds at most 10,000 characters (its contract): the quotes are cut there, the links below are whole.
  const problem = [row.description, row.evidence && `${t('led.evidence')}: ${row.evidence}`, ...codedEvidenceText(coded, t)].filter(Boolean).join('\n\n').slice(0, 10_000) || row.title;
  const issue = await createAdvocacyIssue(ctx, {
    title: row.title,
    problem,
    category: 'regulation',
    sectors: [],
    regions: known.has(region.region) ? [region.region] : [],
    severity: 3,
    feasibility: 3,
    origin: t('led.fromBottleneck', { region: region.name, title: row.title }),
  });
  await linkCodedEvidence(ctx, issue.id, coded, t('led.interview.codedToBottleneck', { title: row.title }));
  await ctx.tx.update(ledBottlenecks).set({ advocacyIssueId: issue.id }).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.id, id)));
  await recordAudit(ctx, { action: 'led_bottleneck.to_advocacy', entityType: 'led_bottleneck', entityId: id, before: { advocacyIssueId: null }, after: { advocacyIssueId: issue.id } });
  return issue.id;
}

type Translate = ReturnType<typeof translator>;

/**
 * The evidence coded to the bottleneck, quoted for the advocacy issue's
 * problem: each interview answer with who said it, each survey answer with
 * its consultation, each member issue by its title.
 */
export function codedEvidenceText(e: BottleneckEvidence, t: Translate): string[] {
  const parts: string[] = [];
  if (e.interviews.length) {
    parts.push([`${t('led.interview.evidenceInterviews', { n: e.interviews.length })}:`, ...e.interviews.map((i) =>
      `- ${i.label}: “${i.text}” (${[i.interviewee, i.organisation, t(`led.sectors.${i.sector}`), i.interviewedOn].filter(Boolean).join(', ')})`)].join('\n'));
  }
  if (e.surveys.length) {
    parts.push([`${t('led.interview.evidenceSurveys', { n: e.surveys.length })}:`, ...e.surveys.map((a) =>
      `- ${a.consultationTitle}, ${a.label}: “${a.text}”${a.firmName ? ` (${a.firmName})` : ''}`)].join('\n'));
  }
  if (e.memberIssues.length) {
    parts.push([`${t('led.interview.evidenceMemberIssues', { n: e.memberIssues.length })}:`, ...e.memberIssues.map((m) => `- ${m.title}`)].join('\n'));
  }
  return parts;
}

/**
 * Links what advocacy can keep as evidence of its own, so the issue's case
 * stays current and its history says it: the member issues coded (not those
 * declined or merged, which advocacy refuses), and each consultation question
 * answered (where the surveys module can count it: a repeat as a whole it
 * cannot, and is quoted in the problem only).
 */
async function linkCodedEvidence(ctx: TenantCtx, issueId: string, e: BottleneckEvidence, note: string) {
  for (const m of e.memberIssues) {
    if (m.status === 'declined' || m.status === 'merged') continue;
    await linkEvidence(ctx, issueId, { memberIssueId: m.memberIssueId, note });
  }
  const questions = new Map(e.surveys.map((a) => [`${a.consultationId}:${a.question}`, a]));
  for (const a of questions.values()) {
    const countable = await questionEvidence(ctx, a.consultationId, a.question).then(() => true, (err: unknown) => {
      if (err instanceof AppError) return false;
      throw err;
    });
    if (countable) await linkEvidence(ctx, issueId, { consultationId: a.consultationId, question: a.question, note });
  }
}
