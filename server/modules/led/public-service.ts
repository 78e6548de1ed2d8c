import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BOTTLENECK_KINDS, KeyFigure, LedSector, MeasureStatus } from '../../../contracts/led.js';
import type { MEASURE_ROLES } from '../../../contracts/led-implementation.js';
import type { z } from 'zod';
import { subdivisionName } from '../../../contracts/geo-data.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgClock } from '../../platform/org-clock.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { countUniquePeople } from '../people/participation-service.js';
import { effectiveShares } from './follow-up-service.js';
import { LED_KIND, LED_SOURCE } from './implementation-service.js';
import { bottlenecksOf, measuresOf } from './measure-service.js';
import { presentKeyFigure, type RegionRow } from './present.js';
import { getRegionRow } from './region-rows.js';
import { ledKeyFigures, ledMilestones, ledProgressReports, ledRegions } from './tables.js';

/**
 * The public LED page (issue 17.10): what an organisation shows citizens,
 * partners and donors of the regions it chose to publish. Only what describes
 * the region and its measures: never the team's contacts, the lead partner's
 * e-mail, nor the people recorded on a measure (they are counted, not named).
 */

type Role = (typeof MEASURE_ROLES)[number];
export type PeopleCounts = Record<Role, number>;

export interface PublicMeasure {
  id: string;
  title: string;
  description: string;
  status: z.infer<typeof MeasureStatus>;
  bottleneckTitle: string | null;
  partners: Array<{ name: string; sector: LedSector }>;
  /** Minor units of the organisation's currency. */
  budget: number;
  startsOn: string;
  endsOn: string;
  milestones: { done: number; total: number };
  latestReport: { reportedOn: string; text: string } | null;
  people: PeopleCounts;
}

export interface PublicRegionSummary {
  id: string;
  name: string;
  /** ISO's name of the subdivision (never its code), and the district where the region is one. */
  place: string;
  measures: number;
  /** Each person once across the region's measures. */
  people: PeopleCounts;
  effective: { num: number; den: number };
}

export interface PublicRegion extends PublicRegionSummary {
  narrative: string;
  keyFigures: KeyFigure[];
  bottlenecks: Array<{ title: string; kind: (typeof BOTTLENECK_KINDS)[number]; description: string }>;
  measureList: PublicMeasure[];
}

/** Staff publish a region on the public page, or take it off (audited on the region). */
export async function setRegionPublished(ctx: TenantCtx, id: string, published: boolean) {
  const before = await getRegionRow(ctx, id, true);
  if (before.published === published) return nothingChanged();
  await ctx.tx.update(ledRegions).set({ published, updatedAt: sql`now()` }).where(and(eq(ledRegions.id, id), eq(ledRegions.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: published ? 'led_region.publish' : 'led_region.unpublish', entityType: 'led_region', entityId: id, before: { published: before.published }, after: { published } });
}

/** The organisation as its public page names it, writes its money and dates, and speaks. */
async function publicOrg(ctx: TenantCtx) {
  const org = await getCurrentOrg(ctx);
  return { name: org.name, currency: org.currency, languages: org.languages, clock: orgClock(org) };
}
export type PublicOrg = Awaited<ReturnType<typeof publicOrg>>;

const place = (r: RegionRow) => [r.district, subdivisionName(r.region)].filter(Boolean).join(', ');

/** People recorded on these measures in each role, each person once (the people module's count of the records). */
async function peopleOn(ctx: TenantCtx, measureIds: string[]): Promise<PeopleCounts> {
  const count = async (role: Role) => (await countUniquePeople(ctx, { sources: [LED_SOURCE], kinds: [LED_KIND], sourceIds: measureIds, roles: [role] })).people;
  return { participant: await count('participant'), new_job: await count('new_job'), higher_income: await count('higher_income') };
}

async function summarise(ctx: TenantCtx, rows: RegionRow[]): Promise<PublicRegionSummary[]> {
  const effective = await effectiveShares(ctx, rows.map((r) => r.id));
  const items: PublicRegionSummary[] = [];
  for (const r of rows) {
    const measureIds = (await measuresOf(ctx, r.id)).map((m) => m.id);
    items.push({ id: r.id, name: r.name, place: place(r), measures: measureIds.length, people: await peopleOn(ctx, measureIds), effective: effective.get(r.id)! });
  }
  return items;
}

/** The index: the organisation's published regions, by name. An unknown organisation is orgs.not_found. */
export async function publishedRegions(ctx: TenantCtx) {
  const org = await publicOrg(ctx);
  const rows = await ctx.tx.select().from(ledRegions).where(and(eq(ledRegions.orgId, ctx.orgId), eq(ledRegions.published, true))).orderBy(asc(ledRegions.name), asc(ledRegions.id));
  return { org, regions: await summarise(ctx, rows) };
}

/** One published region; a region not published (or not the organisation's) is not found. */
export async function publishedRegion(ctx: TenantCtx, id: string): Promise<{ org: PublicOrg; region: PublicRegion }> {
  const org = await publicOrg(ctx);
  const [row] = await ctx.tx.select().from(ledRegions).where(and(eq(ledRegions.orgId, ctx.orgId), eq(ledRegions.id, id), eq(ledRegions.published, true)));
  if (!row) throw new AppError('led.region_not_found');
  const [summary] = await summarise(ctx, [row]);
  // Each figure's latest year per topic and label, as Compare shows them.
  const figures = await ctx.tx.select().from(ledKeyFigures).where(and(eq(ledKeyFigures.orgId, ctx.orgId), eq(ledKeyFigures.regionId, id)))
    .orderBy(asc(ledKeyFigures.topic), asc(ledKeyFigures.label), asc(ledKeyFigures.year), asc(ledKeyFigures.id));
  const latest = new Map<string, (typeof figures)[number]>();
  for (const f of figures) latest.set(`${f.topic}\u0000${f.label}`, f);
  const measures = await measuresOf(ctx, id);
  const ids = measures.map((m) => m.id);
  const milestones = ids.length
    ? await ctx.tx.select({ measureId: ledMilestones.measureId, total: sql<number>`count(*)::int`, done: sql<number>`count(${ledMilestones.doneOn})::int` })
      .from(ledMilestones).where(and(eq(ledMilestones.orgId, ctx.orgId), inArray(ledMilestones.measureId, ids))).groupBy(ledMilestones.measureId)
    : [];
  const reports = ids.length
    ? await ctx.tx.select({ measureId: ledProgressReports.measureId, reportedOn: ledProgressReports.reportedOn, text: ledProgressReports.text })
      .from(ledProgressReports).where(and(eq(ledProgressReports.orgId, ctx.orgId), inArray(ledProgressReports.measureId, ids)))
      .orderBy(desc(ledProgressReports.reportedOn), desc(ledProgressReports.createdAt), desc(ledProgressReports.id))
    : [];
  const measureList: PublicMeasure[] = [];
  for (const m of measures) {
    const counted = milestones.find((x) => x.measureId === m.id);
    const report = reports.find((x) => x.measureId === m.id);
    measureList.push({
      id: m.id, title: m.title, description: m.description, status: m.status, bottleneckTitle: m.bottleneckTitle, partners: m.partners, budget: m.budget,
      startsOn: m.startsOn, endsOn: m.endsOn,
      milestones: { done: Number(counted?.done ?? 0), total: Number(counted?.total ?? 0) },
      latestReport: report ? { reportedOn: report.reportedOn, text: report.text } : null,
      people: await peopleOn(ctx, [m.id]),
    });
  }
  return {
    org,
    region: {
      ...summary!,
      narrative: row.narrative,
      keyFigures: [...latest.values()].map(presentKeyFigure),
      bottlenecks: (await bottlenecksOf(ctx, id)).map((b) => ({ title: b.title, kind: b.kind, description: b.description })),
      measureList,
    },
  };
}
