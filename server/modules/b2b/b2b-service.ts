import { and, asc, eq, sql } from 'drizzle-orm';
import type { B2bAgenda, B2bMine, B2bOverview, B2bProfileInput, B2bRequestInput, B2bSchedule, B2bSeats, B2bSettingsInput } from '../../../contracts/b2b.js';
import { can } from '../../../contracts/permissions.js';
import { recordAudit } from '../../platform/audit/record.js';
import { clock } from '../../platform/clock.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { orgMailLocale, translator } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { orgClock } from '../../platform/org-clock.js';
import { clockFormat } from '../../platform/time.js';
import { seatHolders, type SeatHolder } from '../events/participant-service.js';
import { ownFirm } from '../members/portal-service.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { agendaSms } from './agenda-text.js';
import { presentRequest, presentSettings, requestState, slotTimes, tableNames, type ProfileRow, type RequestRow, type SettingsRow } from './present.js';
import { schedule, type Placement, type UnplacedReason } from './scheduler.js';
import { b2bProfiles, b2bRequests, b2bSettings, type StoredUnplaced } from './tables.js';

/** Staff act for every participant; a member firm's user only for the firm's own registrations. */
const actsForAnyone = (ctx: TenantCtx) => can(ctx.role, 'b2b.manage');

/** Everything of an event's matchmaking, read in one go: the event, its seat holders, settings, profiles and requests. */
async function load(ctx: TenantCtx, eventId: string, lock = false) {
  const { event, holders } = await seatHolders(ctx, eventId);
  const settingsQuery = ctx.tx.select().from(b2bSettings).where(and(eq(b2bSettings.orgId, ctx.orgId), eq(b2bSettings.eventId, eventId)));
  // The settings row is the matchmaking's lock: scheduling, answers and cancellations of one event go one after the other.
  const [settings] = lock ? await settingsQuery.for('update') : await settingsQuery;
  const profiles = await ctx.tx.select().from(b2bProfiles).where(and(eq(b2bProfiles.orgId, ctx.orgId), eq(b2bProfiles.eventId, eventId)));
  const requests = await ctx.tx.select().from(b2bRequests).where(and(eq(b2bRequests.orgId, ctx.orgId), eq(b2bRequests.eventId, eventId))).orderBy(asc(b2bRequests.seq)).limit(20_000);
  return { event, holders, byId: new Map(holders.map((h) => [h.registrationId, h])), settings: settings ?? null, profiles: new Map(profiles.map((p) => [p.registrationId, p])), requests };
}
type Loaded = Awaited<ReturnType<typeof load>>;

function openSettings(state: Loaded): SettingsRow {
  if (!state.settings) throw new AppError('b2b.not_open');
  return state.settings;
}

/** The registration the caller acts as: one holding a seat, and for a member firm's user one of the firm's. Another's is "not found". */
async function actingAs(ctx: TenantCtx, state: Loaded, registrationId: string): Promise<SeatHolder> {
  const holder = state.byId.get(registrationId);
  if (!holder) throw new AppError('b2b.participant_not_found');
  if (!actsForAnyone(ctx) && holder.memberId !== (await ownFirm(ctx)).id) throw new AppError('b2b.participant_not_found');
  return holder;
}

const who = (state: Loaded, id: string) => {
  const h = state.byId.get(id);
  return { registrationId: id, name: h?.name ?? '—', firm: h?.firm ?? null };
};

const present = (state: Loaded, r: RequestRow, now: Date) => presentRequest(r, { from: who(state, r.fromRegistrationId), to: who(state, r.toRegistrationId), deadline: state.settings?.requestDeadline ?? null, now });

/** The registrations a person may act for at this event, and whether matchmaking is open. */
export async function getSeats(ctx: TenantCtx, eventId: string): Promise<B2bSeats> {
  const state = await load(ctx, eventId);
  const firm = actsForAnyone(ctx) ? null : await ownFirm(ctx).then((f) => f.id).catch(() => '');
  const items = state.holders.filter((h) => firm === null || h.memberId === firm).map((h) => ({ registrationId: h.registrationId, name: h.name, firm: h.firm }));
  return { eventId, title: state.event.title, open: !!state.settings, manages: actsForAnyone(ctx), items };
}

export async function saveSettings(ctx: TenantCtx, eventId: string, input: B2bSettingsInput) {
  const state = await load(ctx, eventId, true);
  if (state.event.external || state.event.state === 'cancelled') throw new AppError('b2b.event_closed');
  const values = {
    firstSlotAt: new Date(input.firstSlotAt), slotMinutes: input.slotMinutes, slotCount: input.slotCount, breaks: input.breaks,
    tableCount: input.tableCount, tableNames: input.tableNames.map((n) => n.trim()), requestDeadline: new Date(input.requestDeadline),
  };
  await ctx.tx.insert(b2bSettings).values({ orgId: ctx.orgId, eventId, ...values })
    .onConflictDoUpdate({ target: [b2bSettings.eventId, b2bSettings.orgId], set: { ...values, updatedAt: sql`now()` } });
  const before = state.settings;
  // Slots moved or fewer, tables fewer or renamed after scheduling: a late change like any other.
  if (before?.scheduledAt) await replan(ctx, eventId, false);
  await recordAudit(ctx, {
    action: before ? 'b2b.settings_update' : 'b2b.open', entityType: 'event', entityId: eventId,
    before: before ? { slotCount: before.slotCount, slotMinutes: before.slotMinutes, tableCount: before.tableCount, requestDeadline: before.requestDeadline.toISOString() } : undefined,
    after: { firstSlotAt: input.firstSlotAt, slotCount: input.slotCount, slotMinutes: input.slotMinutes, breaks: input.breaks.length, tableCount: input.tableCount, requestDeadline: input.requestDeadline },
  });
}

function scheduleOf(state: Loaded, settings: SettingsRow | null): B2bSchedule {
  const accepted = state.requests.filter((r) => r.status === 'accepted');
  const cells = accepted.filter((r) => r.slot !== null && r.tableNo !== null)
    .map((r) => ({ slot: r.slot!, table: r.tableNo!, requestId: r.id, a: label(state, r.fromRegistrationId), b: label(state, r.toRegistrationId) }))
    .sort((x, y) => x.slot - y.slot || x.table - y.table);
  const perSlot = new Map<number, number>();
  for (const c of cells) perSlot.set(c.slot, (perSlot.get(c.slot) ?? 0) + 1);
  const live = new Set(accepted.map((r) => r.id));
  const unplaced = (settings?.unplaced ?? []).filter((u) => live.has(u.requestId)).map((u) => {
    const r = accepted.find((x) => x.id === u.requestId)!;
    // Participants are named in the words (a name, not an id): "Kofi Mensah (Accra Shea Ltd): 14 meetings, 8 free slots".
    const params = Object.fromEntries(Object.entries(u.params).map(([k, v]) => [k, ['participant', 'a', 'b'].includes(k) ? label(state, String(v)) : v]));
    return { requestId: u.requestId, a: label(state, r.fromRegistrationId), b: label(state, r.toRegistrationId), reason: u.reason as B2bSchedule['unplaced'][number]['reason'], params };
  });
  return {
    scheduledAt: settings?.scheduledAt?.toISOString() ?? null, placed: cells.length, accepted: accepted.length,
    maxTables: Math.max(0, ...perSlot.values()), evenBound: settings ? Math.ceil(accepted.length / settings.slotCount) : 0, cells, unplaced,
  };
}

function label(state: Loaded, registrationId: string) {
  const h = state.byId.get(registrationId);
  if (!h) return '—';
  return h.firm ? `${h.name} (${h.firm})` : h.name;
}

/** What staff see: settings, every request with its state, counts, and the schedule with what it could not place. */
export async function getOverview(ctx: TenantCtx, eventId: string, now = clock.now()): Promise<B2bOverview> {
  const state = await load(ctx, eventId);
  const requests = state.requests.map((r) => present(state, r, now));
  const count = (s: string) => requests.filter((r) => r.state === s).length;
  return {
    eventId, title: state.event.title, settings: state.settings ? presentSettings(state.settings) : null,
    counts: {
      participants: state.holders.length, profiles: [...state.profiles.values()].filter((p) => p.offer || p.seek).length,
      pending: count('pending'), accepted: count('accepted'), declined: count('declined'), expired: count('expired'),
    },
    requests: requests.reverse(),
    schedule: scheduleOf(state, state.settings),
  };
}

function agendaOf(state: Loaded, registrationId: string, t: (k: string, o?: Record<string, unknown>) => string, time: (d: Date) => string): B2bAgenda {
  const settings = state.settings;
  const profile = state.profiles.get(registrationId);
  if (!settings) return { version: 0, changed: false, issuedAt: null, items: [], sms: [] };
  const slots = slotTimes(settings);
  const tables = tableNames(settings);
  const items = state.requests
    .filter((r) => r.status === 'accepted' && r.slot !== null && r.tableNo !== null && r.slot < slots.length && (r.fromRegistrationId === registrationId || r.toRegistrationId === registrationId))
    .sort((x, y) => x.slot! - y.slot!)
    .map((r) => {
      const other = r.fromRegistrationId === registrationId ? r.toRegistrationId : r.fromRegistrationId;
      const slot = slots[r.slot!]!;
      return { requestId: r.id, slot: r.slot!, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), table: tables[r.tableNo!] ?? `${r.tableNo! + 1}`, with: state.byId.get(other)?.name ?? '—', firm: state.byId.get(other)?.firm ?? null };
    });
  const version = profile?.agendaVersion ?? 0;
  const changed = profile?.agendaChanged ?? false;
  const heading = t(changed ? 'b2b.sms.headingChanged' : 'b2b.sms.heading', { title: state.event.title, version });
  const lines = items.map((i) => `${time(new Date(i.startsAt))} ${i.table} ${i.with}${i.firm ? ` (${i.firm})` : ''}`);
  return { version, changed, issuedAt: profile?.agendaIssuedAt?.toISOString() ?? null, items, sms: version ? agendaSms(heading, lines.length ? lines : [t('b2b.sms.none')]) : [] };
}

async function formatting(ctx: TenantCtx, locale: string) {
  const org = await getCurrentOrg(ctx);
  const format = clockFormat(orgClock(org), locale);
  return { org, format, t: translator(locale) as unknown as (k: string, o?: Record<string, unknown>) => string, time: (d: Date) => format.time(d) };
}

/** A participant's page: who they act as, their profile, the others to ask, their requests and their agenda. */
export async function getMine(ctx: TenantCtx, eventId: string, registrationId: string, now = clock.now()): Promise<B2bMine> {
  const state = await load(ctx, eventId);
  const me = await actingAs(ctx, state, registrationId);
  const profileOf = (h: SeatHolder) => {
    const p = state.profiles.get(h.registrationId);
    return { registrationId: h.registrationId, name: h.name, firm: h.firm, offer: p?.offer ?? '', seek: p?.seek ?? '', sectors: p?.sectors ?? [] };
  };
  const mine = state.requests.filter((r) => r.fromRegistrationId === registrationId || r.toRegistrationId === registrationId).map((r) => present(state, r, now));
  const { t, time } = await formatting(ctx, ctx.locale);
  return {
    eventId, title: state.event.title,
    me: { ...profileOf(me), available: state.profiles.get(registrationId)?.available ?? null },
    settings: state.settings ? presentSettings(state.settings) : null,
    deadlinePassed: !!state.settings && state.settings.requestDeadline < now,
    // Who else takes part shows once staff open the matchmaking, not before.
    others: state.settings ? state.holders.filter((h) => h.registrationId !== registrationId).map(profileOf) : [],
    incoming: mine.filter((r) => r.to.registrationId === registrationId).reverse(),
    outgoing: mine.filter((r) => r.from.registrationId === registrationId).reverse(),
    agenda: agendaOf(state, registrationId, t, time),
  };
}

async function ensureProfile(ctx: TenantCtx, eventId: string, registrationId: string) {
  await ctx.tx.insert(b2bProfiles).values({ orgId: ctx.orgId, eventId, registrationId }).onConflictDoNothing();
}

export async function saveProfile(ctx: TenantCtx, eventId: string, registrationId: string, input: B2bProfileInput) {
  // Under the matchmaking's lock: a change of availability after scheduling re-plans the meetings it touches.
  const state = await load(ctx, eventId, true);
  const settings = openSettings(state);
  await actingAs(ctx, state, registrationId);
  if (input.available?.some((s) => s >= settings.slotCount)) throw fieldError('available', 'b2b.slot_outside');
  const available = input.available ? [...new Set(input.available)].sort((a, b) => a - b) : null;
  await ensureProfile(ctx, eventId, registrationId);
  await ctx.tx.update(b2bProfiles).set({ offer: input.offer.trim(), seek: input.seek.trim(), sectors: [...new Set(input.sectors)], available, updatedAt: sql`now()` })
    .where(and(eq(b2bProfiles.orgId, ctx.orgId), eq(b2bProfiles.registrationId, registrationId)));
  await recordAudit(ctx, {
    action: 'b2b.profile', entityType: 'event_registration', entityId: registrationId,
    after: { eventId, offer: input.offer.trim(), seek: input.seek.trim(), sectors: input.sectors, available: available === null ? 'all' : available.join(',') },
  });
  const before = state.profiles.get(registrationId)?.available ?? null;
  if (settings.scheduledAt && JSON.stringify(before) !== JSON.stringify(available)) await replan(ctx, eventId, false);
}

export async function requestMeeting(ctx: TenantCtx, eventId: string, registrationId: string, input: B2bRequestInput, now = clock.now()) {
  const state = await load(ctx, eventId, true);
  const settings = openSettings(state);
  await actingAs(ctx, state, registrationId);
  if (settings.requestDeadline < now) throw new AppError('b2b.deadline_passed');
  if (!state.byId.has(input.toRegistrationId)) throw fieldError('toRegistrationId', 'b2b.participant_not_found');
  if (input.toRegistrationId === registrationId) throw fieldError('toRegistrationId', 'b2b.not_yourself');
  const pair = (r: RequestRow) => (r.fromRegistrationId === registrationId && r.toRegistrationId === input.toRegistrationId) || (r.toRegistrationId === registrationId && r.fromRegistrationId === input.toRegistrationId);
  if (state.requests.some((r) => pair(r) && (r.status === 'accepted' || (r.status === 'pending' && settings.requestDeadline >= now)))) throw new AppError('b2b.already_requested');
  const [row] = await ctx.tx.insert(b2bRequests).values({ orgId: ctx.orgId, eventId, fromRegistrationId: registrationId, toRegistrationId: input.toRegistrationId, message: input.message.trim() }).returning();
  await recordAudit(ctx, { action: 'b2b_request.create', entityType: 'b2b_request', entityId: row!.id, after: { eventId, fromRegistrationId: registrationId, toRegistrationId: input.toRegistrationId, message: input.message.trim() } });
  return row!.id;
}

async function findRequest(ctx: TenantCtx, state: Loaded, requestId: string) {
  const r = state.requests.find((x) => x.id === requestId);
  if (!r) throw new AppError('b2b.request_not_found');
  return r;
}

/** The other side accepts or declines a pending request before the deadline; accepted after scheduling, the meeting is placed around the issued schedule. */
export async function answerRequest(ctx: TenantCtx, eventId: string, registrationId: string, requestId: string, accept: boolean, now = clock.now()) {
  const state = await load(ctx, eventId, true);
  const settings = openSettings(state);
  await actingAs(ctx, state, registrationId);
  const r = await findRequest(ctx, state, requestId);
  if (r.toRegistrationId !== registrationId) throw new AppError('b2b.request_not_found');
  const stateNow = requestState(r, settings.requestDeadline, now);
  if (stateNow === 'expired') throw new AppError('b2b.expired');
  if (stateNow !== 'pending') throw new AppError('b2b.already_answered');
  const status = accept ? 'accepted' : 'declined';
  await ctx.tx.update(b2bRequests).set({ status, answeredAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(b2bRequests.orgId, ctx.orgId), eq(b2bRequests.id, requestId)));
  await recordAudit(ctx, { action: accept ? 'b2b_request.accept' : 'b2b_request.decline', entityType: 'b2b_request', entityId: requestId, before: { status: 'pending' }, after: { status } });
  if (accept && settings.scheduledAt) await replan(ctx, eventId, false);
}

/** Either side withdraws a pending request or calls off a meeting; a meeting already scheduled frees its place and the agendas concerned are issued again. */
export async function cancelRequest(ctx: TenantCtx, eventId: string, registrationId: string, requestId: string) {
  const state = await load(ctx, eventId, true);
  const settings = openSettings(state);
  await actingAs(ctx, state, registrationId);
  const r = await findRequest(ctx, state, requestId);
  if (r.fromRegistrationId !== registrationId && r.toRegistrationId !== registrationId) throw new AppError('b2b.request_not_found');
  if (r.status !== 'pending' && r.status !== 'accepted') throw new AppError('b2b.already_answered');
  await ctx.tx.update(b2bRequests).set({ status: 'cancelled', slot: null, tableNo: null, updatedAt: sql`now()` }).where(and(eq(b2bRequests.orgId, ctx.orgId), eq(b2bRequests.id, requestId)));
  await recordAudit(ctx, { action: 'b2b_request.cancel', entityType: 'b2b_request', entityId: requestId, before: { status: r.status, slot: r.slot, table: r.tableNo }, after: { status: 'cancelled' } });
  if (r.status === 'accepted' && settings.scheduledAt) await replan(ctx, eventId, false);
}

const reasonParams = (reason: UnplacedReason): StoredUnplaced['params'] => {
  const { code: _code, ...params } = reason;
  return params;
};

/**
 * Places the accepted meetings: all of them afresh (`full`, the staff's Run),
 * or around the schedule already issued (a late change: a meeting accepted or
 * called off after scheduling). Then issues again the agenda of every
 * participant whose meetings changed (version + 1, marked changed, mailed).
 */
async function replan(ctx: TenantCtx, eventId: string, full: boolean) {
  const state = await load(ctx, eventId, true);
  const settings = openSettings(state);
  // Meetings of people who gave back their seat are not placed: they are listed as not placeable.
  const accepted = state.requests.filter((r) => r.status === 'accepted');
  const result = schedule({
    slots: settings.slotCount, tables: settings.tableCount,
    participants: state.holders.map((h) => ({ id: h.registrationId, available: state.profiles.get(h.registrationId)?.available ?? null })),
    meetings: accepted.map((r) => ({ id: r.id, a: r.fromRegistrationId, b: r.toRegistrationId })),
    fixed: full ? [] : accepted.filter((r) => r.slot !== null && r.tableNo !== null).map((r): Placement => ({ meetingId: r.id, slot: r.slot!, table: r.tableNo! })),
  });
  const where = new Map(result.placed.map((p) => [p.meetingId, p]));
  const moved = accepted.filter((r) => (where.get(r.id)?.slot ?? null) !== r.slot || (where.get(r.id)?.table ?? null) !== r.tableNo);
  for (const r of moved) {
    const p = where.get(r.id);
    await ctx.tx.update(b2bRequests).set({ slot: p?.slot ?? null, tableNo: p?.table ?? null, updatedAt: sql`now()` }).where(and(eq(b2bRequests.orgId, ctx.orgId), eq(b2bRequests.id, r.id)));
    r.slot = p?.slot ?? null;
    r.tableNo = p?.table ?? null;
  }
  const unplaced: StoredUnplaced[] = result.unplaced.map((u) => ({ requestId: u.meetingId, reason: u.reason.code, params: reasonParams(u.reason) }));
  await ctx.tx.update(b2bSettings).set({ unplaced, scheduledAt: full || !settings.scheduledAt ? sql`now()` : settings.scheduledAt, updatedAt: sql`now()` })
    .where(and(eq(b2bSettings.orgId, ctx.orgId), eq(b2bSettings.eventId, eventId)));
  const issued = await issueAgendas(ctx, state);
  return { placed: result.placed.length, unplaced: unplaced.length, accepted: accepted.length, maxTables: Math.max(0, ...result.perSlot), issued };
}

/** The meetings of a participant as issued (each with its time and table): what a later change is compared with. */
function signature(state: Loaded, settings: SettingsRow, registrationId: string) {
  const slots = slotTimes(settings);
  const tables = tableNames(settings);
  return state.requests
    .filter((r) => r.status === 'accepted' && r.slot !== null && (r.fromRegistrationId === registrationId || r.toRegistrationId === registrationId))
    .map((r) => `${r.id}@${slots[r.slot!]?.startsAt.toISOString() ?? r.slot}/${tables[r.tableNo!] ?? r.tableNo}`).sort();
}

async function issueAgendas(ctx: TenantCtx, state: Loaded) {
  const settings = openSettings(state);
  const org = await getCurrentOrg(ctx);
  const locale = orgMailLocale(org.languages, 'en');
  const format = clockFormat(orgClock(org), locale);
  const t = translator(locale);
  const involved = new Set(state.requests.filter((r) => r.status === 'accepted' || r.slot !== null).flatMap((r) => [r.fromRegistrationId, r.toRegistrationId]));
  for (const p of state.profiles.values()) if (p.agendaVersion > 0) involved.add(p.registrationId);
  const issued: string[] = [];
  for (const id of involved) {
    const holder = state.byId.get(id);
    if (!holder) continue;
    const now = signature(state, settings, id);
    const profile = state.profiles.get(id);
    const version = profile?.agendaVersion ?? 0;
    if (version === 0 && !now.length) continue;
    if (version > 0 && JSON.stringify(profile!.agendaIssued) === JSON.stringify(now)) continue;
    await ensureProfile(ctx, settings.eventId, id);
    const [row] = await ctx.tx.update(b2bProfiles).set({ agendaVersion: version + 1, agendaChanged: version > 0, agendaIssued: now, agendaIssuedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(b2bProfiles.orgId, ctx.orgId), eq(b2bProfiles.registrationId, id))).returning();
    state.profiles.set(id, row!);
    issued.push(id);
    await recordAudit(ctx, { action: 'b2b.agenda_issue', entityType: 'event_registration', entityId: id, after: { eventId: settings.eventId, version: version + 1, meetings: now.length } });
    if (holder.email) {
      const agenda = agendaOf(state, id, t as unknown as (k: string, o?: Record<string, unknown>) => string, (d) => format.time(d));
      const lines = agenda.items.map((i) => `${format.time(new Date(i.startsAt))}–${format.time(new Date(i.endsAt))} · ${i.table} · ${i.with}${i.firm ? ` (${i.firm})` : ''}`);
      await queueMail(ctx.tx, {
        orgId: ctx.orgId, kind: 'b2b_agenda', to: holder.email, locale,
        params: {
          name: holder.name, title: state.event.title, orgName: org.name, version: String(version + 1),
          changed: version > 0 ? t('b2b.mail.changed') : '', agenda: lines.length ? lines.join('\n') : t('b2b.sms.none'),
        },
      });
    }
  }
  return issued.length;
}

/** Staff run the scheduler: every accepted meeting placed afresh, agendas issued to those whose meetings changed. */
export async function runScheduler(ctx: TenantCtx, eventId: string) {
  const result = await replan(ctx, eventId, true);
  await recordAudit(ctx, { action: 'b2b.schedule', entityType: 'event', entityId: eventId, after: result });
}

/** A participant's agenda with what the PDF prints. */
export async function agendaForPrint(ctx: TenantCtx, eventId: string, registrationId: string) {
  const state = await load(ctx, eventId);
  const me = await actingAs(ctx, state, registrationId);
  const { org, format, t, time } = await formatting(ctx, ctx.locale);
  return { me, title: state.event.title, venue: state.event.venue, orgName: org.name, agenda: agendaOf(state, registrationId, t, time), format };
}

export type { ProfileRow };
