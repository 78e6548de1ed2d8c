import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { translator } from '../../platform/i18n/i18n.js';
import { createAdvocacyIssue } from '../advocacy/issue-service.js';
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
  const problem = [row.description, row.evidence && `${t('led.evidence')}: ${row.evidence}`].filter(Boolean).join('\n\n') || row.title;
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
  await ctx.tx.update(ledBottlenecks).set({ advocacyIssueId: issue.id }).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.id, id)));
  await recordAudit(ctx, { action: 'led_bottleneck.to_advocacy', entityType: 'led_bottleneck', entityId: id, before: { advocacyIssueId: null }, after: { advocacyIssueId: issue.id } });
  return issue.id;
}
