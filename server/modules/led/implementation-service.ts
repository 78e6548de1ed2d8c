import { and, asc, eq, sql } from 'drizzle-orm';
import { followUpSchedule, type FollowUp } from '../../../contracts/led-follow-ups.js';
import { FUNDING_SOURCES, type BudgetLineInput, type ClosingInput, type FundingSource, type MeasureDetail, type MeasurePerson, type MeasurePersonInput, type MeasureRole, type MilestoneInput, type ProgressReportInput } from '../../../contracts/led-implementation.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { getCurrentOrg, orgToday } from '../orgs/org-service.js';
import { peopleOnDays } from '../people/figures-service.js';
import { countUniquePeople, participantsOf, recordParticipation, removeParticipations } from '../people/participation-service.js';
import { peopleByIds, recordPerson } from '../people/person-service.js';
import { photosOfReports } from './photo-rows.js';
import { presentMeasure } from './present.js';
import { getRegionRow } from './region-rows.js';
import { ledBottlenecks, ledBudgetLines, ledFollowUps, ledMeasures, ledMilestones, ledProgressReports } from './tables.js';

/** How a measure's people are recorded in the people module. */
export const LED_SOURCE = 'led';
export const LED_KIND = 'measure';

/** A measure of the organisation, by its id alone; locked for the rest of the transaction when asked. */
export async function getMeasureRow(ctx: TenantCtx, id: string, lock = false) {
  const query = ctx.tx.select().from(ledMeasures).where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('led.measure_not_found');
  return row;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A measure's follow-ups: each of 6, 12 and 24 months, as recorded or, not yet sent, as scheduled from its end. */
async function followUpsOf(ctx: TenantCtx, measure: { id: string; endsOn: string }): Promise<FollowUp[]> {
  const rows = await ctx.tx.select().from(ledFollowUps).where(and(eq(ledFollowUps.orgId, ctx.orgId), eq(ledFollowUps.measureId, measure.id)));
  return followUpSchedule(measure.endsOn).map(({ months, dueOn }) => {
    const r = rows.find((x) => x.months === months);
    return {
      months, dueOn: r?.dueOn ?? dueOn, sentTo: r?.sentTo ?? '', sentAt: iso(r?.sentAt ?? null), expiresAt: iso(r?.expiresAt ?? null), answeredAt: iso(r?.answeredAt ?? null),
      answeredBy: (r?.answeredBy as FollowUp['answeredBy']) ?? null, stillEffective: r?.stillEffective ?? null, jobsKept: r?.jobsKept ?? null, whoPays: r?.whoPays ?? '', note: r?.note ?? '',
    };
  });
}

/** The people recorded on a measure, each once per role, with sex and age band on the day first recorded and the firm they are linked to. */
async function peopleOfMeasure(ctx: TenantCtx, measureId: string): Promise<MeasurePerson[]> {
  const entries = await participantsOf(ctx, { source: LED_SOURCE, sourceIds: [measureId], roles: ['participant', 'new_job', 'higher_income'] });
  const onDays = await peopleOnDays(ctx, entries.map((e) => ({ personId: e.personId, on: e.on })));
  const shown = await peopleByIds(ctx, entries.map((e) => e.personId));
  const list = entries.flatMap((e, i) => {
    const day = onDays[i];
    const person = shown.get(e.personId);
    if (!day || !person) return [];
    return [{ personId: person.id, name: person.name, role: e.role as MeasureRole, on: e.on, sex: day.sex as MeasurePerson['sex'], ageBand: day.ageBand, firm: person.member }];
  });
  return list.sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
}

/** A measure as carried out: what was planned and spent, what was reported, who it reached (counted from their records), how it ended and held. */
export async function getMeasureDetail(ctx: TenantCtx, id: string): Promise<MeasureDetail> {
  const row = await getMeasureRow(ctx, id);
  const region = await getRegionRow(ctx, row.regionId);
  const bottlenecks = new Map<string, string>();
  if (row.bottleneckId) {
    const [b] = await ctx.tx.select({ title: ledBottlenecks.title }).from(ledBottlenecks).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.id, row.bottleneckId)));
    if (b) bottlenecks.set(row.bottleneckId, b.title);
  }
  const milestones = await ctx.tx.select().from(ledMilestones).where(and(eq(ledMilestones.orgId, ctx.orgId), eq(ledMilestones.measureId, id)))
    .orderBy(asc(ledMilestones.dueOn), asc(ledMilestones.title), asc(ledMilestones.id));
  const lines = await ctx.tx.select().from(ledBudgetLines).where(and(eq(ledBudgetLines.orgId, ctx.orgId), eq(ledBudgetLines.measureId, id)))
    .orderBy(asc(ledBudgetLines.createdAt), asc(ledBudgetLines.id));
  const reports = await ctx.tx.select().from(ledProgressReports).where(and(eq(ledProgressReports.orgId, ctx.orgId), eq(ledProgressReports.measureId, id)))
    .orderBy(asc(ledProgressReports.reportedOn), asc(ledProgressReports.createdAt), asc(ledProgressReports.id));
  const photos = await photosOfReports(ctx, reports.map((r) => r.id));
  const people = await peopleOfMeasure(ctx, id);
  const count = (role: MeasureRole) => countUniquePeople(ctx, { sources: [LED_SOURCE], kinds: [LED_KIND], sourceIds: [id], roles: [role] });
  const results = { participant: await count('participant'), new_job: await count('new_job'), higher_income: await count('higher_income') };
  const firms = new Map<string, { memberId: string | null; name: string | null; people: number }>();
  // (A participation's role, not a user's.)
  for (const p of people.filter(({ role }) => role === 'new_job')) {
    const key = p.firm?.id ?? '';
    const firm = firms.get(key) ?? { memberId: p.firm?.id ?? null, name: p.firm?.name ?? null, people: 0 };
    firm.people += 1;
    firms.set(key, firm);
  }
  const bySource = FUNDING_SOURCES.map((source) => ({
    source,
    planned: lines.filter((l) => l.source === source).reduce((s, l) => s + l.planned, 0),
    actual: lines.filter((l) => l.source === source).reduce((s, l) => s + l.actual, 0),
  })).filter((s) => s.planned || s.actual);
  return {
    ...presentMeasure(row, { bottlenecks }),
    regionId: region.id,
    regionName: region.name,
    currency: (await getCurrentOrg(ctx)).currency,
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn, note: m.note })),
    budgetLines: lines.map((l) => ({ id: l.id, label: l.label, source: l.source as FundingSource, planned: l.planned, actual: l.actual })),
    budgetBySource: bySource,
    reports: reports.map((r) => ({ id: r.id, reportedOn: r.reportedOn, text: r.text, photos: photos.get(r.id) ?? [] })),
    people,
    results,
    newJobsByFirm: [...firms.values()].sort((a, b) => b.people - a.people || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
    closingEvaluation: row.closingEvaluation,
    closedOn: row.closedOn,
    followUps: await followUpsOf(ctx, row),
  };
}

// ---- milestones, budget lines, progress reports: written on their measure, their id in the entry ----

type Part = 'milestone' | 'budget_line' | 'report';
const partTables = { milestone: ledMilestones, budget_line: ledBudgetLines, report: ledProgressReports } as const;
/** The three tables share what these functions name (org, measure, id); the type checker is told so. */
const tableOf = (part: Part) => partTables[part] as unknown as typeof ledMilestones;
const notFound = { milestone: 'led.milestone_not_found', budget_line: 'led.budget_line_not_found', report: 'led.report_not_found' } as const;
const idKey = { milestone: 'milestoneId', budget_line: 'budgetLineId', report: 'reportId' } as const;
type PartInput = { milestone: MilestoneInput; budget_line: BudgetLineInput; report: ProgressReportInput };

const partColumns = {
  milestone: (i: MilestoneInput) => ({ title: i.title, dueOn: i.dueOn, doneOn: i.doneOn, note: i.note }),
  budget_line: (i: BudgetLineInput) => ({ label: i.label, source: i.source, planned: i.planned, actual: i.actual }),
  report: (i: ProgressReportInput) => ({ reportedOn: i.reportedOn, text: i.text }),
};

async function partRow<P extends Part>(ctx: TenantCtx, part: P, measureId: string, id: string) {
  const table = tableOf(part);
  const [row] = await ctx.tx.select().from(table).where(and(eq(table.orgId, ctx.orgId), eq(table.measureId, measureId), eq(table.id, id)));
  if (!row) throw new AppError(notFound[part]);
  return row as unknown as Record<string, unknown>;
}

const pick = (row: Record<string, unknown>, like: Record<string, unknown>) => Object.fromEntries(Object.keys(like).map((k) => [k, row[k]]));

export async function addPart<P extends Part>(ctx: TenantCtx, measureId: string, part: P, input: PartInput[P]) {
  await getMeasureRow(ctx, measureId, true);
  const values = (partColumns[part] as (i: PartInput[P]) => Record<string, unknown>)(input);
  const table = tableOf(part);
  const [row] = await ctx.tx.insert(table).values({ orgId: ctx.orgId, measureId, ...values } as never).returning({ id: table.id });
  await recordAudit(ctx, { action: `led_measure.${part}_add`, entityType: 'led_measure', entityId: measureId, after: { [idKey[part]]: row!.id, ...values } });
}

export async function editPart<P extends Part>(ctx: TenantCtx, measureId: string, part: P, id: string, input: PartInput[P]) {
  await getMeasureRow(ctx, measureId, true);
  const values = (partColumns[part] as (i: PartInput[P]) => Record<string, unknown>)(input);
  const before = pick(await partRow(ctx, part, measureId, id), values);
  const changed = changedFields(before, values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  const table = tableOf(part);
  await ctx.tx.update(table).set(values as never).where(and(eq(table.orgId, ctx.orgId), eq(table.id, id)));
  await recordAudit(ctx, {
    action: `led_measure.${part}_update`, entityType: 'led_measure', entityId: measureId,
    before: { [idKey[part]]: id, ...changed.before }, after: { [idKey[part]]: id, ...changed.after },
  });
}

export async function removePart(ctx: TenantCtx, measureId: string, part: Part, id: string) {
  await getMeasureRow(ctx, measureId, true);
  const row = await partRow(ctx, part, measureId, id);
  // A report's photos go with it (the foreign key cascades): its entry names them.
  const photoIds = part === 'report' ? ((await photosOfReports(ctx, [id])).get(id) ?? []).map((p) => p.id) : [];
  const table = tableOf(part);
  await ctx.tx.delete(table).where(and(eq(table.orgId, ctx.orgId), eq(table.id, id)));
  const { orgId: _o, measureId: _m, createdAt: _c, id: _i, ...before } = row;
  await recordAudit(ctx, { action: `led_measure.${part}_remove`, entityType: 'led_measure', entityId: measureId, before: { [idKey[part]]: id, ...before, ...(photoIds.length ? { photoIds } : {}) } });
}

// ---- people: participants, new jobs, higher income, as people of the people module ----

/**
 * Records a person on a measure: someone among the people reached, or typed in
 * (the people module gives back the person already recorded with that phone
 * or e-mail). The participation (source `led`, kind `measure`, the measure,
 * the role, the day) is the record results count. Once per person and role.
 */
export async function addMeasurePerson(ctx: TenantCtx, measureId: string, input: MeasurePersonInput): Promise<string> {
  await getMeasureRow(ctx, measureId, true);
  let personId: string;
  if (input.person) {
    personId = (await recordPerson(ctx, input.person)).id;
  } else {
    const person = (await peopleByIds(ctx, [input.personId!])).get(input.personId!);
    if (!person) throw fieldError('personId', 'led.person_not_found');
    personId = person.id;
  }
  const already = await participantsOf(ctx, { source: LED_SOURCE, sourceIds: [measureId], roles: [input.role] });
  if (already.some((p) => p.personId === personId)) throw new AppError('led.person_already_recorded');
  const on = input.on ?? (await orgToday(ctx));
  await recordParticipation(ctx, { personId, kind: LED_KIND, source: LED_SOURCE, sourceId: measureId, role: input.role, on });
  await recordAudit(ctx, { action: 'led_measure.person_add', entityType: 'led_measure', entityId: measureId, after: { personId, role: input.role, on } });
  return personId;
}

/** Takes a person off a measure: in one role, or in every role they have on it. */
export async function removeMeasurePerson(ctx: TenantCtx, measureId: string, personId: string, role?: MeasureRole) {
  await getMeasureRow(ctx, measureId, true);
  const removed = await removeParticipations(ctx, { source: LED_SOURCE, sourceId: measureId, personId, role });
  if (!removed) throw new AppError('led.person_not_on_measure');
  await recordAudit(ctx, { action: 'led_measure.person_remove', entityType: 'led_measure', entityId: measureId, before: { personId, role: role ?? null, removed } });
}

// ---- the closing evaluation ----

export async function closeMeasure(ctx: TenantCtx, measureId: string, input: ClosingInput) {
  const row = await getMeasureRow(ctx, measureId, true);
  const values = { closingEvaluation: input.evaluation, closedOn: input.closedOn };
  const changed = changedFields({ closingEvaluation: row.closingEvaluation, closedOn: row.closedOn }, values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledMeasures).set({ ...values, updatedAt: sql`now()` }).where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.id, measureId)));
  await recordAudit(ctx, { action: 'led_measure.close', entityType: 'led_measure', entityId: measureId, ...changed });
}
