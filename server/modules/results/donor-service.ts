import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Dashboard, DashboardPeriod, DashboardProgramme, Donor, FrameworkShare } from '../../../contracts/results-dashboard.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { APP_ROLE } from '../../platform/db/migrate.js';
import { transactionOpenedWith } from '../../platform/db/opened-transaction.js';
import { withSystem, type TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { resultsDonors, resultsDonorUsers, resultsFrameworkShares } from './donor-tables.js';
import { frameworkRow } from './framework-service.js';
import { resultsFrameworks, resultsPeriods, type StoredFigures } from './tables.js';

// Donors and what organisations share with them (issue 20.5, migration 0069).
// An organisation shares a framework with a donor by its own choice and may
// revoke it; both are audited. A donor's person signs in with no role in any
// organisation and reads only what `results_donor_programmes` returns for
// their own session: approved reports' stored figures, never records.

/** The donors an organisation may share a framework with, by name. */
export async function listDonors(ctx: TenantCtx): Promise<Donor[]> {
  return ctx.tx.select({ id: resultsDonors.id, name: resultsDonors.name }).from(resultsDonors).orderBy(asc(resultsDonors.name));
}

export async function frameworkShares(ctx: TenantCtx, frameworkId: string): Promise<FrameworkShare[]> {
  await frameworkRow(ctx, frameworkId);
  const rows = await ctx.tx
    .select({ donorId: resultsFrameworkShares.donorId, donorName: resultsDonors.name, sharedBy: resultsFrameworkShares.sharedBy, sharedAt: resultsFrameworkShares.sharedAt })
    .from(resultsFrameworkShares)
    .innerJoin(resultsDonors, eq(resultsDonors.id, resultsFrameworkShares.donorId))
    .where(and(eq(resultsFrameworkShares.orgId, ctx.orgId), eq(resultsFrameworkShares.frameworkId, frameworkId)))
    .orderBy(asc(resultsDonors.name));
  return rows.map((r) => ({ ...r, sharedAt: r.sharedAt.toISOString() }));
}

/** Shares a framework with a donor: its people will see its approved reports' figures. */
export async function shareFramework(ctx: TenantCtx, frameworkId: string, donorId: string) {
  await frameworkRow(ctx, frameworkId);
  const [donor] = await ctx.tx.select({ id: resultsDonors.id, name: resultsDonors.name }).from(resultsDonors).where(eq(resultsDonors.id, donorId));
  if (!donor) throw new AppError('results.donor_not_found');
  const inserted = await ctx.tx
    .insert(resultsFrameworkShares)
    .values({ orgId: ctx.orgId, frameworkId, donorId, sharedBy: ctx.actor.name })
    .onConflictDoNothing()
    .returning({ donorId: resultsFrameworkShares.donorId });
  if (!inserted.length) return nothingChanged();
  await recordAudit(ctx, { action: 'results.framework_share', entityType: 'results_framework', entityId: frameworkId, after: { donorId, donor: donor.name } });
}

/** Ends a share: the donor's people see nothing of the framework from then on. */
export async function revokeShare(ctx: TenantCtx, frameworkId: string, donorId: string) {
  await frameworkRow(ctx, frameworkId);
  const [gone] = await ctx.tx
    .delete(resultsFrameworkShares)
    .where(and(eq(resultsFrameworkShares.orgId, ctx.orgId), eq(resultsFrameworkShares.frameworkId, frameworkId), eq(resultsFrameworkShares.donorId, donorId)))
    .returning();
  if (!gone) throw new AppError('results.share_not_found');
  const [donor] = await ctx.tx.select({ name: resultsDonors.name }).from(resultsDonors).where(eq(resultsDonors.id, donorId));
  await recordAudit(ctx, { action: 'results.framework_unshare', entityType: 'results_framework', entityId: frameworkId, before: { donorId, donor: donor?.name ?? null, sharedBy: gone.sharedBy, sharedAt: gone.sharedAt.toISOString() } });
}

type ProgrammeRow = {
  orgId: string;
  orgName: string;
  frameworkId: string;
  frameworkName: string;
  periodId: string | null;
  label: string | null;
  startsOn: string | null;
  endsOn: string | null;
  approvedAt: Date | string | null;
  indicators: StoredFigures['indicators'] | null;
};

/** Rows of framework × approved period (ordered by organisation, framework, start) as programmes. */
function programmesOf(rows: ProgrammeRow[]): DashboardProgramme[] {
  const byFramework = new Map<string, DashboardProgramme>();
  for (const r of rows) {
    const key = `${r.orgId}:${r.frameworkId}`;
    let programme = byFramework.get(key);
    if (!programme) byFramework.set(key, (programme = { orgId: r.orgId, orgName: r.orgName, frameworkId: r.frameworkId, name: r.frameworkName, periods: [] }));
    if (!r.periodId) continue;
    const period: DashboardPeriod = {
      id: r.periodId,
      label: r.label!,
      startsOn: r.startsOn!,
      endsOn: r.endsOn!,
      approvedAt: new Date(r.approvedAt!).toISOString(),
      indicators: (r.indicators ?? []).map((i) => ({ indicatorId: i.indicatorId, name: i.name, kind: i.kind, level: i.level, unit: i.unit, total: i.total, target: i.target, records: i.records })),
    };
    programme.periods.push(period);
  }
  return [...byFramework.values()];
}

/** The organisation's dashboard: every framework with its approved reports' stored figures. */
export async function orgDashboard(ctx: TenantCtx): Promise<Dashboard> {
  const rows = await ctx.tx
    .select({
      orgId: resultsFrameworks.orgId,
      orgName: sql<string>`(SELECT name FROM orgs WHERE id = ${resultsFrameworks.orgId})`,
      frameworkId: resultsFrameworks.id,
      frameworkName: resultsFrameworks.name,
      periodId: resultsPeriods.id,
      label: resultsPeriods.label,
      startsOn: resultsPeriods.startsOn,
      endsOn: resultsPeriods.endsOn,
      approvedAt: resultsPeriods.approvedAt,
      // Totals and targets: the breakdowns stay on the report page.
      indicators: sql<StoredFigures['indicators'] | null>`(SELECT jsonb_agg(i - 'breakdowns' ORDER BY n) FROM jsonb_array_elements(${resultsPeriods.figures}->'indicators') WITH ORDINALITY AS e(i, n))`,
    })
    .from(resultsFrameworks)
    .leftJoin(
      resultsPeriods,
      and(eq(resultsPeriods.orgId, resultsFrameworks.orgId), eq(resultsPeriods.frameworkId, resultsFrameworks.id), eq(resultsPeriods.state, 'approved'), isNotNull(resultsPeriods.figures)),
    )
    .where(eq(resultsFrameworks.orgId, ctx.orgId))
    .orderBy(asc(resultsFrameworks.name), asc(resultsFrameworks.id), asc(resultsPeriods.startsOn), asc(resultsPeriods.id));
  return { donors: [], programmes: programmesOf(rows) };
}

/**
 * A donor's dashboard, for the person of the session whose cookie hashes to
 * `sessionHash`: as the app role with no organisation (row-level security
 * shows it no tenant's rows), through the two functions of migration 0069,
 * whose gate is that live session. Null when the person signs in for no donor.
 */
export async function donorDashboard(db: NodePgDatabase, sessionHash: string): Promise<Dashboard | null> {
  return transactionOpenedWith(db, `BEGIN; SET LOCAL ROLE ${APP_ROLE}`, async (tx) => {
    const donors = (await tx.execute<{ name: string }>(sql`SELECT name FROM results_donors_of_session(${sessionHash})`)).rows;
    if (!donors.length) return null;
    const rows = (
      await tx.execute<ProgrammeRow>(
        sql`SELECT org_id AS "orgId", org_name AS "orgName", framework_id AS "frameworkId", framework_name AS "frameworkName", period_id AS "periodId",
                   label, starts_on::text AS "startsOn", ends_on::text AS "endsOn", approved_at AS "approvedAt", indicators
            FROM results_donor_programmes(${sessionHash})`,
      )
    ).rows;
    return { donors: donors.map((d) => d.name), programmes: programmesOf(rows) };
  });
}

/** An operator's command: a donor, by name (an existing one is kept). */
export async function createDonor(db: NodePgDatabase, name: string) {
  return withSystem(db, async (tx) => {
    await tx.insert(resultsDonors).values({ name }).onConflictDoNothing();
    const [donor] = await tx.select().from(resultsDonors).where(eq(resultsDonors.name, name));
    return donor!;
  });
}

/** An operator's command: a person who signs in for a donor. */
export async function addDonorUser(db: NodePgDatabase, donorId: string, userId: string) {
  await withSystem(db, (tx) => tx.insert(resultsDonorUsers).values({ donorId, userId }).onConflictDoNothing());
}
