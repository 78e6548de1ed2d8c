import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { MatchQuery, NewPersonInput, Person, PersonDetail, PersonInput, PersonMatch, PersonQuery, PERSON_SORTS } from '../../../contracts/people.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { firmNames } from '../members/audience-service.js';
import { getMember } from '../members/member-service.js';
import { listBranches } from '../orgs/branch-service.js';
import { orgToday } from '../orgs/org-service.js';
import { compareKeys, emailKey, phoneKey, type MatchKeys } from './match-keys.js';
import { participationCounts, participationsOf } from './participation-service.js';
import { currentPersonIds, personRecordsQuery, recordsOfPerson } from './person-ids.js';
import { presentPerson, type PersonRow } from './present.js';
import { people, personParticipations } from './tables.js';

// How other modules compare a typed phone or address with one they keep (events' self check-in): as people are matched.
export { emailKey, phoneKey } from './match-keys.js';

const live = (ctx: TenantCtx) => and(eq(people.orgId, ctx.orgId), isNull(people.mergedIntoId));

async function getRow(ctx: TenantCtx, id: string, lock = false): Promise<PersonRow> {
  const query = ctx.tx.select().from(people).where(and(eq(people.id, id), eq(people.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('people.not_found');
  return row;
}

/** A record that can still change: not merged into another. */
async function getLiveRow(ctx: TenantCtx, id: string): Promise<PersonRow> {
  const row = await getRow(ctx, id, true);
  if (row.mergedIntoId) throw new AppError('people.merged');
  return row;
}

/** The rows shown, with their firm's and branch's names and how often they took part. */
async function present(ctx: TenantCtx, rows: PersonRow[]): Promise<Person[]> {
  const firms = await firmNames(ctx, [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))]);
  const branches = rows.some((r) => r.branchId) ? new Map((await listBranches(ctx)).map((b) => [b.id, b.name])) : new Map<string, string>();
  const counts = await participationCounts(ctx, rows.map((r) => r.id));
  const today = await orgToday(ctx);
  return rows.map((r) => presentPerson(r, { firms, branches, counts, today }));
}

/** The branch must be one of the organisation's; the firm one of its members (through the members module). */
async function checkLinks(ctx: TenantCtx, input: Pick<PersonInput, 'memberId' | 'branchId'>) {
  if (input.branchId && !(await listBranches(ctx)).some((b) => b.id === input.branchId)) throw fieldError('branchId', 'people.branch_not_ours');
  if (input.memberId) {
    try {
      await getMember(ctx, input.memberId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'members.not_found') throw fieldError('memberId', 'people.firm_not_found');
      throw error;
    }
  }
}

const columns = (input: PersonInput) => ({
  name: input.name,
  sex: input.sex,
  birthYear: input.birthYear,
  ageBand: input.birthYear === null ? input.ageBand : null,
  phone: input.phone,
  phoneKey: phoneKey(input.phone),
  email: input.email,
  emailKey: emailKey(input.email),
  memberId: input.memberId,
  branchId: input.branchId,
  notes: input.notes,
});

type Auditable = Pick<PersonRow, 'name' | 'sex' | 'birthYear' | 'ageBand' | 'phone' | 'email' | 'memberId' | 'branchId' | 'notes'>;
const auditable = (r: Auditable): Auditable => ({
  name: r.name, sex: r.sex, birthYear: r.birthYear, ageBand: r.ageBand, phone: r.phone, email: r.email, memberId: r.memberId, branchId: r.branchId, notes: r.notes,
});

// ---- lists and pages ----

/**
 * The organisation's people by name, 50 a page. A search matches when every
 * word of it is found in the name's words (lower case, without accents, in
 * any order), or in the phone's digits (four or more), or in the e-mail.
 */
/** The columns the list sorts by (contracts' PERSON_SORTS). */
const PERSON_LIST: SortedList<(typeof PERSON_SORTS)[number]> = {
  id: people.id,
  columns: {
    // The index's order (org_id, name, id): the database's collation.
    name: { by: people.name, type: 'text' },
    // Youngest first ascending, as the age column reads; people known by their band only come last.
    age: { by: sql`-${people.birthYear}`, type: 'int', nullable: true },
    created: { by: people.createdAt, type: 'timestamptz' },
  },
};

export async function listPeople(ctx: TenantCtx, query: PersonQuery) {
  const filters: Array<SQL | undefined> = [
    live(ctx),
    query.memberId ? eq(people.memberId, query.memberId) : undefined,
    query.branchId ? eq(people.branchId, query.branchId) : undefined,
    query.sex ? eq(people.sex, query.sex) : undefined,
  ];
  if (query.q) {
    const digits = query.q.replace(/\D/g, '');
    filters.push(or(
      // A search of punctuation only has no words, and matches no name.
      sql`people_name_key(${query.q}) <> '' AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(people_name_key(${query.q}), ' ')) AS t(w) WHERE position(t.w IN ${people.nameKey}) = 0)`,
      digits.length >= 4 ? sql`position(${digits.replace(/^0+/, '')} IN ${people.phoneKey}) > 0` : undefined,
      query.q.includes('@') ? sql`position(${query.q.toLowerCase()} IN ${people.emailKey}) > 0` : undefined,
    ));
  }
  const page = await sortedPage(PERSON_LIST, query, (k) => ctx.tx.select({ row: people, k }).from(people).$dynamic(), filters, (r) => r.row.id);
  const total = query.cursor ? null : Number((await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(people).where(and(...filters)))[0]!.n);
  return { items: await present(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor, total };
}

export { currentPersonIds, personRecordsQuery, recordsOfPerson };

/** A person's page: who they are, every participation, and the records merged into theirs. An id merged away leads to the record it became. */
export async function getPerson(ctx: TenantCtx, id: string): Promise<PersonDetail> {
  const first = await getRow(ctx, id);
  const row = first.mergedIntoId ? await getRow(ctx, first.mergedIntoId) : first;
  const [person] = await present(ctx, [row]);
  const merged = await ctx.tx
    .select({ id: people.id, name: people.name, at: people.mergedAt })
    .from(people)
    .where(and(eq(people.orgId, ctx.orgId), eq(people.mergedIntoId, row.id)))
    .orderBy(asc(people.mergedAt));
  return { ...person!, participationList: await participationsOf(ctx, row), merged: merged.map((m) => ({ id: m.id, name: m.name, at: m.at!.toISOString() })) };
}

/** People of the organisation by id, as other modules show them (name, sex, age band today); merged ids lead to their record. */
export async function peopleByIds(ctx: TenantCtx, ids: string[]): Promise<Map<string, Person>> {
  const current = await currentPersonIds(ctx, ids);
  const targets = [...new Set(current.values())];
  if (!targets.length) return new Map();
  const rows = await ctx.tx.select().from(people).where(and(eq(people.orgId, ctx.orgId), inArray(people.id, targets)));
  const shown = new Map((await present(ctx, rows)).map((p) => [p.id, p]));
  return new Map([...current].flatMap(([id, to]) => (shown.has(to) ? [[id, shown.get(to)!] as const] : [])));
}

// ---- matching ----

/** Who to look for: a person being recorded, or the match query of the screen. */
export type MatchFor = Pick<MatchQuery, 'name' | 'phone' | 'email' | 'excludeId'> & { birthYear?: number | null; memberId?: string | null };

async function keysOf(ctx: TenantCtx, query: MatchFor): Promise<MatchKeys> {
  const name = query.name.trim();
  const nameKey = name ? ((await ctx.tx.execute<{ key: string }>(sql`SELECT people_name_key(${name}) AS key`)).rows[0]?.key ?? null) : null;
  return { phoneKey: phoneKey(query.phone), emailKey: emailKey(query.email), nameKey: nameKey || null, birthYear: query.birthYear ?? null, memberId: query.memberId ?? null };
}

/**
 * The people already recorded that the one described may be: the same phone
 * or e-mail (the same person), or the same name, birth year and firm
 * (probably). Surest first; merged records are not offered.
 */
export async function findMatches(ctx: TenantCtx, query: MatchFor): Promise<PersonMatch[]> {
  const wanted = await keysOf(ctx, query);
  const ways = [
    wanted.phoneKey ? eq(people.phoneKey, wanted.phoneKey) : undefined,
    wanted.emailKey ? eq(people.emailKey, wanted.emailKey) : undefined,
    wanted.nameKey && wanted.birthYear !== null
      ? and(eq(people.nameKey, wanted.nameKey), eq(people.birthYear, wanted.birthYear), sql`${people.memberId} IS NOT DISTINCT FROM ${wanted.memberId}::uuid`)
      : undefined,
  ].filter(Boolean);
  if (!ways.length) return [];
  const rows = await ctx.tx
    .select()
    .from(people)
    .where(and(live(ctx), query.excludeId ? ne(people.id, query.excludeId) : undefined, or(...ways)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20);
  const compared = rows.flatMap((r) => {
    const match = compareKeys(wanted, { phoneKey: r.phoneKey, emailKey: r.emailKey, nameKey: r.nameKey, birthYear: r.birthYear, memberId: r.memberId });
    return match ? [{ row: r, ...match }] : [];
  });
  const shown = new Map((await present(ctx, compared.map((c) => c.row))).map((p) => [p.id, p]));
  return compared
    .map((c) => ({ person: shown.get(c.row.id)!, strength: c.strength, reasons: c.reasons }))
    .sort((a, b) => Number(b.strength === 'same') - Number(a.strength === 'same'));
}

// ---- writes ----

async function insertPerson(ctx: TenantCtx, input: PersonInput) {
  const values = columns(input);
  const [row] = await ctx.tx.insert(people).values({ orgId: ctx.orgId, ...values }).returning({ id: people.id });
  await recordAudit(ctx, { action: 'person_reached.create', entityType: 'person_reached', entityId: row!.id, after: auditable(values) });
  return row!.id;
}

/**
 * Records a person from the People screen. Unless whoever records has seen
 * the people this one may be and said it is someone else (`confirmedNew`),
 * a match refuses it (`people.possible_duplicate`): the screen shows the
 * matches before saving.
 */
export async function createPerson(ctx: TenantCtx, input: NewPersonInput): Promise<string> {
  await checkLinks(ctx, input);
  if (!input.confirmedNew) {
    const matches = await findMatches(ctx, input);
    if (matches.length) throw new AppError('people.possible_duplicate', { count: matches.length });
  }
  return insertPerson(ctx, input);
}

/**
 * Records a person for another module (a trainee on an attendance list, a new
 * job of an LED measure): someone with the same phone or e-mail is that
 * person, and is returned without a new record; otherwise a new record is
 * made, and the probable matches come back for the module to offer a merge.
 */
export async function recordPerson(ctx: TenantCtx, input: PersonInput): Promise<{ id: string; created: boolean; probable: PersonMatch[] }> {
  await checkLinks(ctx, input);
  const matches = await findMatches(ctx, input);
  const same = matches.find((m) => m.strength === 'same');
  if (same) return { id: same.person.id, created: false, probable: [] };
  return { id: await insertPerson(ctx, input), created: true, probable: matches };
}

export async function editPerson(ctx: TenantCtx, id: string, input: PersonInput) {
  const before = await getLiveRow(ctx, id);
  await checkLinks(ctx, input);
  const values = columns(input);
  const changed = changedFields(auditable(before), auditable(values));
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(people).set({ ...values, updatedAt: sql`now()` }).where(and(eq(people.id, id), eq(people.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: 'person_reached.update', entityType: 'person_reached', entityId: id, ...changed });
}

/** What the kept record lacks and the other has: a merge fills gaps, it never overwrites. */
function gapsFilled(keep: PersonRow, other: PersonRow) {
  const fill: Partial<PersonRow> = {};
  if (keep.sex === 'not_stated' && other.sex !== 'not_stated') fill.sex = other.sex;
  if (keep.birthYear === null && other.birthYear !== null) Object.assign(fill, { birthYear: other.birthYear, ageBand: null });
  else if (keep.birthYear === null && keep.ageBand === null && other.ageBand !== null) fill.ageBand = other.ageBand;
  if (!keep.phone && other.phone) Object.assign(fill, { phone: other.phone, phoneKey: other.phoneKey });
  if (!keep.email && other.email) Object.assign(fill, { email: other.email, emailKey: other.emailKey });
  if (!keep.memberId && other.memberId) fill.memberId = other.memberId;
  if (!keep.branchId && other.branchId) fill.branchId = other.branchId;
  return fill;
}

/**
 * Merges `otherId` into `keepId`: every participation of the other moves to
 * the kept record (one recorded on both for the same activity, role and day
 * is one participation and stays once), the kept record's empty fields are
 * filled from the other's, and the other stays as a pointer to the kept one,
 * so ids other modules hold still lead to the person. Both records get an
 * audit entry; the kept one's holds the other as it was.
 */
export async function mergePeople(ctx: TenantCtx, keepId: string, otherId: string) {
  if (keepId === otherId) throw fieldError('otherId', 'people.merge_self');
  // Locked in the order of their ids, so two merges of the same pair cannot wait on each other.
  const [a, b] = [keepId, otherId].sort();
  const first = await getLiveRow(ctx, a!);
  const second = await getLiveRow(ctx, b!);
  const [keep, other] = first.id === keepId ? [first, second] : [second, first];
  const combined = await ctx.tx.execute(sql`
    DELETE FROM ${personParticipations} o
    WHERE o.org_id = ${ctx.orgId} AND o.person_id = ${otherId}
      AND EXISTS (SELECT 1 FROM ${personParticipations} k WHERE k.org_id = o.org_id AND k.person_id = ${keepId}
                  AND k.source = o.source AND k.source_id = o.source_id AND k.role = o.role AND k.occurred_on = o.occurred_on)`);
  const moved = await ctx.tx
    .update(personParticipations)
    .set({ personId: keepId })
    .where(and(eq(personParticipations.orgId, ctx.orgId), eq(personParticipations.personId, otherId)))
    .returning({ id: personParticipations.id });
  // Records merged into the other before now lead to the kept one directly.
  await ctx.tx.update(people).set({ mergedIntoId: keepId }).where(and(eq(people.orgId, ctx.orgId), eq(people.mergedIntoId, otherId)));
  const fill = gapsFilled(keep, other);
  await ctx.tx.update(people).set({ mergedIntoId: keepId, mergedAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(people.id, otherId), eq(people.orgId, ctx.orgId)));
  await ctx.tx.update(people).set({ ...fill, updatedAt: sql`now()` }).where(and(eq(people.id, keepId), eq(people.orgId, ctx.orgId)));
  const { phoneKey: _p, emailKey: _e, nameKey: _n, createdAt: _c, updatedAt: _u, mergedAt: _m, mergedIntoId: _i, orgId: _o, ...was } = other;
  const filled = Object.fromEntries(Object.entries(fill).filter(([k]) => k !== 'phoneKey' && k !== 'emailKey'));
  await recordAudit(ctx, {
    action: 'person_reached.merge', entityType: 'person_reached', entityId: keepId,
    before: { merged: was },
    after: { participationsMoved: moved.length, participationsCombined: combined.rowCount ?? 0, filled },
  });
  await recordAudit(ctx, { action: 'person_reached.merged_into', entityType: 'person_reached', entityId: otherId, after: { into: keepId } });
}
