import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isSubdivisionOf } from '../../../contracts/geo.js';
import type { FirmCounts, KeyFigureInput, LED_REGION_SORTS, LedComparison, LedRegion, LedRegionDetail, LedRegionInput, LedRegionQuery, LedTeamMemberInput } from '../../../contracts/led.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { getPersonRow } from '../advocacy/decision-maker-service.js';
import { firmNames } from '../members/audience-service.js';
import { listContacts } from '../members/contact-service.js';
import { firmsInRegion } from '../members/figures-service.js';
import { getMemberSettings } from '../members/settings-service.js';
import { listBranches } from '../orgs/branch-service.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { latestSummaries } from './analysis-service.js';
import { effectiveShares } from './follow-up-service.js';
import { bottlenecksOf, measuresOf } from './measure-service.js';
import { firmCounts } from './matrix.js';
import { presentKeyFigure, presentRegion, presentTeamMember, type RegionCounts, type RegionRow } from './present.js';
import { getRegionRow } from './region-rows.js';
import { ledBottlenecks, ledKeyFigures, ledMeasures, ledRegions, ledTeamMembers } from './tables.js';

async function regionCounts(ctx: TenantCtx, ids: string[]): Promise<Map<string, RegionCounts>> {
  const counts = new Map<string, RegionCounts>(ids.map((id) => [id, { teamSize: 0, bottlenecks: 0, measures: 0 }]));
  if (!ids.length) return counts;
  const count = async (table: typeof ledTeamMembers | typeof ledBottlenecks | typeof ledMeasures, key: keyof RegionCounts) => {
    const rows = await ctx.tx.select({ regionId: table.regionId, n: sql<number>`count(*)::int` }).from(table)
      .where(and(eq(table.orgId, ctx.orgId), inArray(table.regionId, ids))).groupBy(table.regionId);
    for (const r of rows) counts.get(r.regionId)![key] = Number(r.n);
  };
  await count(ledTeamMembers, 'teamSize');
  await count(ledBottlenecks, 'bottlenecks');
  await count(ledMeasures, 'measures');
  return counts;
}

async function branchNames(ctx: TenantCtx, rows: RegionRow[]) {
  return rows.some((r) => r.branchId) ? new Map((await listBranches(ctx)).map((b) => [b.id, b.name])) : new Map<string, string>();
}

async function presentAll(ctx: TenantCtx, rows: RegionRow[]): Promise<LedRegion[]> {
  const [branches, counts] = [await branchNames(ctx, rows), await regionCounts(ctx, rows.map((r) => r.id))];
  return rows.map((r) => presentRegion(r, { branches, counts: counts.get(r.id) }));
}

/** The columns the regions sort by (contracts' LED_REGION_SORTS); a region's measures counted in SQL. */
const REGION_LIST: SortedList<(typeof LED_REGION_SORTS)[number]> = {
  id: ledRegions.id,
  columns: {
    name: { by: ledRegions.name, type: 'text' },
    measures: { by: sql`(SELECT count(*)::int FROM ${ledMeasures} m WHERE m.org_id = ${ledRegions.orgId} AND m.region_id = ${ledRegions.id})`, type: 'int' },
    updated: { by: ledRegions.updatedAt, type: 'timestamptz' },
  },
};

/** The organisation's LED regions, by name unless sorted otherwise: a part of the name or district, or one subdivision. */
export async function listRegions(ctx: TenantCtx, query: LedRegionQuery): Promise<{ items: LedRegion[]; nextCursor: string | null }> {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(REGION_LIST, query, (k) => ctx.tx.select({ row: ledRegions, k }).from(ledRegions).$dynamic(), [
    eq(ledRegions.orgId, ctx.orgId),
    pattern ? sql`(${ledRegions.name} ILIKE ${pattern} OR ${ledRegions.district} ILIKE ${pattern})` : undefined,
    query.region ? eq(ledRegions.region, query.region) : undefined,
  ], (r) => r.row.id);
  return { items: await presentAll(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}

/** Firms of the registry in the region, counted now (members' figures), by ISIC section and size class. */
export async function regionFirms(ctx: TenantCtx, region: RegionRow): Promise<FirmCounts> {
  return firmCounts(await firmsInRegion(ctx, { region: region.region, district: region.district }));
}

async function keyFiguresOf(ctx: TenantCtx, regionIds: string[]) {
  if (!regionIds.length) return [];
  return ctx.tx.select().from(ledKeyFigures).where(and(eq(ledKeyFigures.orgId, ctx.orgId), inArray(ledKeyFigures.regionId, regionIds)))
    .orderBy(asc(ledKeyFigures.topic), asc(ledKeyFigures.label), asc(ledKeyFigures.year), asc(ledKeyFigures.id));
}

export async function getRegion(ctx: TenantCtx, id: string): Promise<LedRegionDetail> {
  const row = await getRegionRow(ctx, id);
  const [region] = await presentAll(ctx, [row]);
  const team = await ctx.tx.select().from(ledTeamMembers).where(and(eq(ledTeamMembers.orgId, ctx.orgId), eq(ledTeamMembers.regionId, id)))
    .orderBy(asc(ledTeamMembers.body), asc(ledTeamMembers.name), asc(ledTeamMembers.id));
  const firms = await firmNames(ctx, team.flatMap((m) => (m.memberId ? [m.memberId] : [])));
  return {
    ...region!,
    team: team.map((m) => presentTeamMember(m, { firms })),
    keyFigures: (await keyFiguresOf(ctx, [id])).map(presentKeyFigure),
    firms: await regionFirms(ctx, row),
    bottleneckList: await bottlenecksOf(ctx, id),
    measureList: await measuresOf(ctx, id),
    currency: (await getCurrentOrg(ctx)).currency,
  };
}

/** The subdivision is the organisation's country's; a district is one of its districts in that subdivision; a branch is its own. */
async function checkRegion(ctx: TenantCtx, input: LedRegionInput) {
  const org = await getCurrentOrg(ctx);
  const errors: AppError[] = [];
  if (!isSubdivisionOf(input.region, org.country)) errors.push(fieldError('region', 'led.region_not_in_org', { region: input.region }));
  if (input.district) {
    const { districts } = await getMemberSettings(ctx);
    if (!districts.some((d) => d.region === input.region && d.name.toLowerCase() === input.district!.toLowerCase())) errors.push(fieldError('district', 'led.district_unknown', { district: input.district }));
  }
  if (input.branchId && !(await listBranches(ctx)).some((b) => b.id === input.branchId)) errors.push(fieldError('branchId', 'led.branch_not_ours'));
  if (errors.length) throw new AppError('validation_failed', {}, errors.flatMap((e) => e.fieldErrors));
}

const regionColumns = (input: LedRegionInput) => ({ name: input.name, region: input.region, district: input.district, branchId: input.branchId, narrative: input.narrative });

export async function createRegion(ctx: TenantCtx, input: LedRegionInput): Promise<string> {
  await checkRegion(ctx, input);
  const values = regionColumns(input);
  const [row] = await ctx.tx.insert(ledRegions).values({ orgId: ctx.orgId, ...values }).returning({ id: ledRegions.id });
  await recordAudit(ctx, { action: 'led_region.create', entityType: 'led_region', entityId: row!.id, after: values });
  return row!.id;
}

export async function editRegion(ctx: TenantCtx, id: string, input: LedRegionInput) {
  const before = await getRegionRow(ctx, id, true);
  await checkRegion(ctx, input);
  const values = regionColumns(input);
  const changed = changedFields(regionColumns({ ...before }), values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledRegions).set({ ...values, updatedAt: sql`now()` }).where(and(eq(ledRegions.id, id), eq(ledRegions.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: 'led_region.update', entityType: 'led_region', entityId: id, ...changed });
}

/** A region goes with its team, figures, matrix, bottlenecks and measures (its audit entry keeps what it was). */
export async function removeRegion(ctx: TenantCtx, id: string) {
  const before = await getRegionRow(ctx, id, true);
  await ctx.tx.delete(ledRegions).where(and(eq(ledRegions.id, id), eq(ledRegions.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: 'led_region.delete', entityType: 'led_region', entityId: id, before: regionColumns(before) });
}

/**
 * A member of the team or committee. Named from a member firm's contact or the
 * decision-makers directory where they are there (what was not typed is taken
 * from them), or typed in.
 */
async function teamColumns(ctx: TenantCtx, input: LedTeamMemberInput) {
  const values = {
    body: input.body, name: input.name, sector: input.sector, sectorKind: input.sectorKind, organisation: input.organisation, role: input.role,
    email: input.email, phone: input.phone, memberId: input.memberId, contactId: input.contactId, decisionMakerId: input.decisionMakerId,
  };
  if (input.memberId && input.contactId) {
    const contacts = await listContacts(ctx, input.memberId).catch((e: unknown) => {
      if (e instanceof AppError) throw fieldError('contactId', 'led.contact_not_found');
      throw e;
    });
    const contact = contacts.find((c) => c.id === input.contactId);
    if (!contact) throw fieldError('contactId', 'led.contact_not_found');
    const firm = (await firmNames(ctx, [input.memberId])).get(input.memberId) ?? '';
    values.name ||= contact.name;
    values.email ||= contact.email ?? '';
    values.phone ||= contact.phone ?? '';
    values.role ||= contact.role ?? '';
    values.organisation ||= firm;
  }
  if (input.decisionMakerId) {
    const person = await getPersonRow(ctx, input.decisionMakerId).catch((e: unknown) => {
      if (e instanceof AppError) throw fieldError('decisionMakerId', 'led.decision_maker_not_found');
      throw e;
    });
    values.name ||= person.name;
    values.email ||= person.email ?? '';
    values.phone ||= person.phone ?? '';
  }
  if (!values.name) throw fieldError('name', 'led.name_required');
  return values;
}

async function teamMemberRow(ctx: TenantCtx, regionId: string, id: string) {
  const [row] = await ctx.tx.select().from(ledTeamMembers).where(and(eq(ledTeamMembers.orgId, ctx.orgId), eq(ledTeamMembers.regionId, regionId), eq(ledTeamMembers.id, id)));
  if (!row) throw new AppError('led.team_member_not_found');
  return row;
}

const teamAudit = (r: Omit<Awaited<ReturnType<typeof teamColumns>>, 'body' | 'sector'> & { body: string; sector: string }) => ({ body: r.body, name: r.name, sector: r.sector, sectorKind: r.sectorKind, organisation: r.organisation, role: r.role, memberId: r.memberId, contactId: r.contactId, decisionMakerId: r.decisionMakerId });

export async function addTeamMember(ctx: TenantCtx, regionId: string, input: LedTeamMemberInput) {
  await getRegionRow(ctx, regionId, true);
  const values = await teamColumns(ctx, input);
  const [row] = await ctx.tx.insert(ledTeamMembers).values({ orgId: ctx.orgId, regionId, ...values }).returning({ id: ledTeamMembers.id });
  await recordAudit(ctx, { action: 'led_region.team_add', entityType: 'led_region', entityId: regionId, after: { teamMemberId: row!.id, ...teamAudit(values) } });
}

export async function editTeamMember(ctx: TenantCtx, regionId: string, id: string, input: LedTeamMemberInput) {
  await getRegionRow(ctx, regionId, true);
  const before = await teamMemberRow(ctx, regionId, id);
  const values = await teamColumns(ctx, input);
  const changed = changedFields({ ...before }, values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledTeamMembers).set(values).where(and(eq(ledTeamMembers.orgId, ctx.orgId), eq(ledTeamMembers.id, id)));
  await recordAudit(ctx, { action: 'led_region.team_update', entityType: 'led_region', entityId: regionId, before: { teamMemberId: id, ...changed.before }, after: { teamMemberId: id, ...changed.after } });
}

export async function removeTeamMember(ctx: TenantCtx, regionId: string, id: string) {
  await getRegionRow(ctx, regionId, true);
  const before = await teamMemberRow(ctx, regionId, id);
  await ctx.tx.delete(ledTeamMembers).where(and(eq(ledTeamMembers.orgId, ctx.orgId), eq(ledTeamMembers.id, id)));
  await recordAudit(ctx, { action: 'led_region.team_remove', entityType: 'led_region', entityId: regionId, before: { teamMemberId: id, ...teamAudit(before) } });
}

async function keyFigureRow(ctx: TenantCtx, regionId: string, id: string) {
  const [row] = await ctx.tx.select().from(ledKeyFigures).where(and(eq(ledKeyFigures.orgId, ctx.orgId), eq(ledKeyFigures.regionId, regionId), eq(ledKeyFigures.id, id)));
  if (!row) throw new AppError('led.key_figure_not_found');
  return row;
}

const figureColumns = (input: KeyFigureInput) => ({ topic: input.topic, label: input.label, value: input.value, unit: input.unit, source: input.source, year: input.year });

export async function addKeyFigure(ctx: TenantCtx, regionId: string, input: KeyFigureInput) {
  await getRegionRow(ctx, regionId, true);
  const values = figureColumns(input);
  const [row] = await ctx.tx.insert(ledKeyFigures).values({ orgId: ctx.orgId, regionId, ...values }).returning({ id: ledKeyFigures.id });
  await recordAudit(ctx, { action: 'led_region.figure_add', entityType: 'led_region', entityId: regionId, after: { keyFigureId: row!.id, ...values } });
}

export async function editKeyFigure(ctx: TenantCtx, regionId: string, id: string, input: KeyFigureInput) {
  await getRegionRow(ctx, regionId, true);
  const before = figureColumns(presentKeyFigure(await keyFigureRow(ctx, regionId, id)));
  const values = figureColumns(input);
  const changed = changedFields(before, values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledKeyFigures).set(values).where(and(eq(ledKeyFigures.orgId, ctx.orgId), eq(ledKeyFigures.id, id)));
  await recordAudit(ctx, { action: 'led_region.figure_update', entityType: 'led_region', entityId: regionId, before: { keyFigureId: id, ...changed.before }, after: { keyFigureId: id, ...changed.after } });
}

export async function removeKeyFigure(ctx: TenantCtx, regionId: string, id: string) {
  await getRegionRow(ctx, regionId, true);
  const before = figureColumns(presentKeyFigure(await keyFigureRow(ctx, regionId, id)));
  await ctx.tx.delete(ledKeyFigures).where(and(eq(ledKeyFigures.orgId, ctx.orgId), eq(ledKeyFigures.id, id)));
  await recordAudit(ctx, { action: 'led_region.figure_remove', entityType: 'led_region', entityId: regionId, before: { keyFigureId: id, ...before } });
}

/**
 * Regions side by side (all of them, or those asked for, in that order): firms
 * counted now, each typed figure's latest year per topic and label, the latest
 * matrix in numbers, bottlenecks and measures.
 */
export async function compareRegions(ctx: TenantCtx, ids: string[] | undefined): Promise<LedComparison> {
  const all = await ctx.tx.select().from(ledRegions).where(and(eq(ledRegions.orgId, ctx.orgId), ids?.length ? inArray(ledRegions.id, ids) : undefined)).orderBy(asc(ledRegions.name), asc(ledRegions.id));
  const rows = ids?.length ? ids.flatMap((id) => all.filter((r) => r.id === id)) : all;
  const regionIds = rows.map((r) => r.id);
  const counts = await regionCounts(ctx, regionIds);
  const figures = await keyFiguresOf(ctx, regionIds);
  const summaries = await latestSummaries(ctx, regionIds);
  const effective = await effectiveShares(ctx, regionIds);
  const items = [];
  for (const r of rows) {
    const latest = new Map<string, (typeof figures)[number]>();
    for (const f of figures.filter((x) => x.regionId === r.id)) {
      const key = `${f.topic}\u0000${f.label}`;
      if (!latest.has(key) || latest.get(key)!.year <= f.year) latest.set(key, f);
    }
    items.push({
      id: r.id, name: r.name, firms: await regionFirms(ctx, r), keyFigures: [...latest.values()].map(presentKeyFigure),
      matrix: summaries.get(r.id) ?? null, bottlenecks: counts.get(r.id)!.bottlenecks, measures: counts.get(r.id)!.measures, effective: effective.get(r.id)!,
    });
  }
  return { items, effective: { num: items.reduce((s, i) => s + i.effective.num, 0), den: items.reduce((s, i) => s + i.effective.den, 0) } };
}
