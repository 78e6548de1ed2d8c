import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Figure } from '../../../contracts/results.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { frameworkFinance } from './finance-service.js';
import { frameworkRow } from './framework-service.js';
import { checksumOf } from './period-service.js';
import { iatiActivityXml, validateIati, type IatiActivity } from './iati/iati-file.js';
import { iatiRuleProblems } from './iati/iati-rules.js';
import { resultsFrameworks, resultsIndicators, resultsPeriods, resultsTargets } from './tables.js';

type Breakdowns = Record<string, { categories: Array<{ category: string; figure: Figure }> }>;

/**
 * A framework as an IATI 2.03 activity: its indicators as results, each
 * period with its target, and for an approved period its actuals as reported
 * (the total and every category of its breakdowns as dimensions) — the same
 * figures the report shows, never counted again. A period not yet approved
 * carries its target only, which IATI accepts for a future period.
 */
export async function iatiActivity(ctx: TenantCtx, frameworkId: string, generatedAt: string): Promise<IatiActivity> {
  const framework = await frameworkRow(ctx, frameworkId);
  if (!framework.iatiOrgRef || !framework.iatiActivityId || !framework.iatiOrgType) throw new AppError('results.iati_identifiers_missing');
  const org = await getCurrentOrg(ctx);
  const indicators = await ctx.tx.select().from(resultsIndicators).where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.frameworkId, frameworkId))).orderBy(asc(resultsIndicators.position));
  const periods = await ctx.tx.select().from(resultsPeriods).where(and(eq(resultsPeriods.orgId, ctx.orgId), eq(resultsPeriods.frameworkId, frameworkId))).orderBy(asc(resultsPeriods.startsOn));
  // A report altered behind the app's back is not published as if it were the one approved.
  if (periods.some((p) => p.state === 'approved' && checksumOf(p.frozen!) !== p.checksum)) throw new AppError('results.frozen_report_altered');
  const targets = periods.length
    ? await ctx.tx.select().from(resultsTargets).where(and(eq(resultsTargets.orgId, ctx.orgId), inArray(resultsTargets.periodId, periods.map((p) => p.id))))
    : [];
  const finance = await frameworkFinance(ctx, frameworkId);
  return {
    identifier: framework.iatiActivityId,
    orgRef: framework.iatiOrgRef,
    orgType: framework.iatiOrgType,
    orgName: org.name,
    currency: org.currency,
    country: org.country,
    title: framework.name,
    description: framework.description,
    donor: framework.donor,
    generatedAt,
    budgets: finance.budgets.map(({ id: _id, ...b }) => b),
    transactions: finance.transactions.map(({ id: _id, ...t }) => t),
    indicators: indicators.map((i) => ({
      name: i.name,
      level: i.level,
      kind: i.kind,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      periods: periods.map((p) => {
        const reported = p.frozen?.indicators.find((r) => r.indicatorId === i.id);
        return {
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          target: targets.find((t) => t.periodId === p.id && t.indicatorId === i.id)?.value ?? null,
          actual: reported
            ? {
                total: reported.total,
                categories: Object.entries(reported.breakdowns as Breakdowns).flatMap(([dimension, b]) => b.categories.map((c) => ({ dimension, category: c.category, figure: c.figure }))),
              }
            : null,
        };
      }),
    })),
  };
}

/**
 * The activity file, checked against IATI's rules on budgets and results and then its schema:
 * refused with the rules broken, in the reader's language, or the schema's messages.
 */
export async function iatiFile(ctx: TenantCtx, frameworkId: string) {
  const { rows } = await ctx.tx.execute<{ now: string }>(sql`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS now`);
  const activity = await iatiActivity(ctx, frameworkId, rows[0]!.now);
  const broken = iatiRuleProblems(activity);
  if (broken.length) {
    const t = translator(ctx.locale);
    throw new AppError('results.iati_rules_broken', { problems: broken.slice(0, 5).map((p) => t(`results.iatiRule.${p.code}`, p.params)).join('; ') });
  }
  const xml = iatiActivityXml(activity);
  const problems = await validateIati(xml);
  if (problems.length) throw new AppError('results.iati_invalid', { problems: problems.slice(0, 5).join('; ') });
  return xml;
}

/** Publishes the validated file at the framework's public address; the audit entry keeps when and by whom. */
export async function publishIati(ctx: TenantCtx, frameworkId: string) {
  const xml = await iatiFile(ctx, frameworkId);
  await ctx.tx.update(resultsFrameworks).set({ iatiXml: xml, iatiPublishedAt: sql`now()` }).where(and(eq(resultsFrameworks.orgId, ctx.orgId), eq(resultsFrameworks.id, frameworkId)));
  await recordAudit(ctx, { action: 'results.iati_publish', entityType: 'results_framework', entityId: frameworkId, after: { bytes: Buffer.byteLength(xml) } });
}

/** The file as last published, for its public address; an unpublished framework is not found. */
export async function publishedIati(ctx: TenantCtx, frameworkId: string) {
  const [row] = await ctx.tx.select({ xml: resultsFrameworks.iatiXml }).from(resultsFrameworks).where(and(eq(resultsFrameworks.orgId, ctx.orgId), eq(resultsFrameworks.id, frameworkId)));
  if (!row?.xml) throw new AppError('results.iati_not_published');
  return row.xml;
}
