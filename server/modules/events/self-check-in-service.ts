import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { normaliseTicketCode, TICKET_CODE_LENGTH, type SelfCheckIn } from '../../../contracts/events.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgClock } from '../../platform/org-clock.js';
import { todayIn, type OrgClock } from '../../platform/time.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { emailKey, phoneKey } from '../people/person-service.js';
import { checkIn } from './check-in-service.js';
import { getEventRow } from './event-rows.js';
import type { EventRow } from './present.js';
import { codeAccepted, currentCode, newSelfCheckInKey, type CodeKey } from './self-check-in.js';
import { eventRegistrations, events } from './tables.js';

/** What the codes are made and read with: the server's secret (CREDENTIAL_SECRET, null where none is set) and the moment. */
export interface CodeClock {
  serverSecret: string | null;
  now: Date;
}

/** The name self check-ins are recorded under (`checked_in_by`, the audit entry's actor). */
export const SELF_CHECK_IN_ACTOR = 'Self check-in';

/** The public page's address of an event, without its code. */
export const selfCheckInPath = (orgId: string, eventId: string) => `/check-in/${orgId}/${eventId}`;

const codeKey = (event: EventRow, serverSecret: string | null): CodeKey | null =>
  event.selfCheckInKey ? { eventKey: event.selfCheckInKey, serverSecret, orgId: event.orgId, eventId: event.id } : null;

/** For the staff's panel: whether self check-in is on and the link of the QR code to show now. */
export async function selfCheckInState(ctx: TenantCtx, eventId: string, publicUrl: string, at: CodeClock): Promise<SelfCheckIn> {
  const event = await getEventRow(ctx, eventId);
  const key = codeKey(event, at.serverSecret);
  const open = event.state === 'published' && !event.external;
  if (!key) return { enabled: false, open, url: null, refreshAt: null, validUntil: null };
  const shown = currentCode(key, at.now);
  return { enabled: true, open, url: `${publicUrl}${selfCheckInPath(ctx.orgId, eventId)}?c=${shown.code}`, refreshAt: shown.refreshAt.toISOString(), validUntil: shown.validUntil.toISOString() };
}

/**
 * Switches self check-in on (a new key: codes made before it was last
 * switched off never work again) or off (the key is forgotten: every code
 * stops working at once). Not on another organiser's event nor a cancelled one.
 */
export async function setSelfCheckIn(ctx: TenantCtx, eventId: string, enabled: boolean) {
  const event = await getEventRow(ctx, eventId, true);
  if (enabled === (event.selfCheckInKey !== null)) return nothingChanged();
  if (enabled && event.external) throw new AppError('events.external');
  if (enabled && event.state === 'cancelled') throw new AppError('events.not_open');
  await ctx.tx.update(events).set({ selfCheckInKey: enabled ? newSelfCheckInKey() : null, updatedAt: sql`now()` }).where(and(eq(events.orgId, ctx.orgId), eq(events.id, eventId)));
  // The key itself is never written to the log.
  await recordAudit(ctx, { action: enabled ? 'event.self_check_in_on' : 'event.self_check_in_off', entityType: 'event', entityId: eventId, before: { selfCheckIn: !enabled }, after: { selfCheckIn: enabled } });
}

/** What the participant's page shows once the code is accepted: the event, on the organisation's clock and in its languages. */
export interface SelfCheckInEvent {
  title: string;
  venue: string;
  startsAt: Date;
  orgName: string;
  languages: string[];
  clock: OrgClock;
}

/**
 * The event a scanned code opens. A code not accepted (made more than three
 * minutes ago, forged, of another event, self check-in off) and an event not
 * there (another organisation's, a draft) are one answer: the page says
 * nothing of an event to someone without a current code. A cancelled event,
 * or one not held today on the organisation's calendar, is refused with its reason.
 */
export async function openSelfCheckIn(ctx: TenantCtx, eventId: string, code: string, at: CodeClock): Promise<SelfCheckInEvent> {
  let event: EventRow;
  try {
    event = await getEventRow(ctx, eventId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'events.not_found') throw new AppError('events.self_check_in_code');
    throw error;
  }
  const key = codeKey(event, at.serverSecret);
  if (!key || !codeAccepted(key, code, at.now)) throw new AppError('events.self_check_in_code');
  if (event.external || event.state !== 'published') throw new AppError('events.not_open');
  const org = await getCurrentOrg(ctx);
  const clock = orgClock(org);
  const { timeZone } = clock;
  const today = todayIn(timeZone, at.now);
  if (today < todayIn(timeZone, event.startsAt) || today > todayIn(timeZone, event.endsAt)) throw new AppError('events.self_check_in_not_today');
  return { title: event.title, venue: event.venue, startsAt: event.startsAt, orgName: org.name, languages: org.languages, clock };
}

/**
 * The one registration holding a seat that what the participant typed names:
 * the code on their ticket, or the e-mail or phone they registered with (each
 * compared as the people module compares them). None, a cancelled or waiting
 * one, or several (a phone two people gave) are one answer, so the page tells
 * no one whether an address is registered.
 */
async function registrationNamed(ctx: TenantCtx, eventId: string, typed: string): Promise<string | null> {
  const r = eventRegistrations;
  const ticket = normaliseTicketCode(typed);
  const email = emailKey(typed);
  const phone = email ? null : phoneKey(typed);
  const ways: SQL[] = [];
  if (ticket.length === TICKET_CODE_LENGTH) ways.push(eq(r.ticketCode, ticket));
  if (email) ways.push(sql`lower(trim(${r.email})) = ${email}`);
  // Narrowed in SQL by the key's digits, then compared exactly as people are matched.
  if (phone) ways.push(and(ne(r.phone, ''), sql`regexp_replace(${r.phone}, '[^0-9]', '', 'g') LIKE ${`%${phone}`}`)!);
  if (!ways.length) return null;
  const rows = await ctx.tx.select({ id: r.id, ticketCode: r.ticketCode, email: r.email, phone: r.phone }).from(r)
    .where(and(eq(r.orgId, ctx.orgId), eq(r.eventId, eventId), eq(r.status, 'registered'), or(...ways)));
  const named = rows.filter((x) => x.ticketCode === ticket || (email !== null && emailKey(x.email) === email) || (phone !== null && phoneKey(x.phone) === phone));
  return named.length === 1 ? named[0]!.id : null;
}

/**
 * A participant ticks themselves present with the code of the QR staff show:
 * through the check-in service, so the same rules hold (counted once, a
 * cancelled registration refused, the person recorded, audited), under the
 * actor "Self check-in". 'already' when they were ticked before.
 */
export async function checkInSelf(ctx: TenantCtx, eventId: string, code: string, typed: string, at: CodeClock): Promise<'checked_in' | 'already'> {
  await openSelfCheckIn(ctx, eventId, code, at);
  const registrationId = await registrationNamed(ctx, eventId, typed.trim().slice(0, 254));
  if (!registrationId) throw new AppError('events.self_check_in_not_found');
  const result = await checkIn(ctx, eventId, { items: [{ registrationId, ticketCode: null }] });
  if (result.checkedIn.length) return 'checked_in';
  if (result.already.length) return 'already';
  // Cancelled between the two statements (checkIn said unknown).
  throw new AppError('events.self_check_in_not_found');
}
