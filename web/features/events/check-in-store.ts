import type { CheckInList, CheckInResult } from '../../../contracts/events.js';
import { normaliseTicketCode } from '../../../contracts/ticket-code.js';

/**
 * The door's copy of an event's list, kept on the phone (localStorage, as the
 * respondent page keeps answers, web/respond/draft-store.ts): downloaded
 * while there is a connection, ticked without one, and sent when one
 * returns. A tick stays marked "not sent" until the server has it; sending
 * the same ticks again adds nothing there, so a lost answer is simply sent again.
 */
export interface DoorCopy {
  list: CheckInList;
  /** Registration id → the tick and whether the server has it. */
  ticks: Record<string, { at: number; sent: boolean }>;
  /** Codes typed that are on no ticket of the copy: sent as typed, for the server to say. */
  codes: string[];
  /** Codes the server said are no ticket of this event. */
  unknown: string[];
  downloadedAt: number;
}

/**
 * The copies hold names and ticket codes: each is kept under its organisation
 * (one phone may serve two), and all are removed at sign-out (`clearCopies`,
 * web/app/session.tsx), so the next person on the phone finds none.
 */
const PREFIX = 'rt-check-in:';
const key = (orgId: string, eventId: string) => `${PREFIX}${orgId}:${eventId}`;

export function readCopy(orgId: string, eventId: string): DoorCopy | null {
  try {
    const raw = localStorage.getItem(key(orgId, eventId));
    return raw ? (JSON.parse(raw) as DoorCopy) : null;
  } catch {
    return null;
  }
}

export function writeCopy(orgId: string, eventId: string, copy: DoorCopy): void {
  try {
    localStorage.setItem(key(orgId, eventId), JSON.stringify(copy));
  } catch {
    // Storage full or disabled (private mode): ticks live in the page until sent.
  }
}

/** Removes every door copy this browser holds (sign-out): names and codes do not outlive the session. */
export function clearCopies(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => !!k?.startsWith(PREFIX));
    for (const k of keys) localStorage.removeItem(k);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/**
 * A fresh download merged with the ticks the phone holds: every tick of the phone survives it. Not
 * only those not yet sent: a list read before a send reached the server may arrive after the send's
 * answer, and a tick the server has must not turn back into "tap to tick" (nothing un-ticks at the
 * server). People ticked elsewhere come with the list.
 */
export function mergeDownload(previous: DoorCopy | null, list: CheckInList, now: number): DoorCopy {
  const ticks: DoorCopy['ticks'] = {};
  for (const item of list.items) {
    const mine = previous?.ticks[item.id];
    if (mine) ticks[item.id] = mine;
    else if (item.attended) ticks[item.id] = { at: now, sent: true };
  }
  return { list, ticks, codes: previous?.codes ?? [], unknown: previous?.unknown ?? [], downloadedAt: now };
}

/** Ticks a registration present; ticking twice keeps the first tick. */
export function tick(copy: DoorCopy, registrationId: string, now: number): DoorCopy {
  if (copy.ticks[registrationId]) return copy;
  return { ...copy, ticks: { ...copy.ticks, [registrationId]: { at: now, sent: false } } };
}

/** A code typed at the door: the ticket on the list it belongs to is ticked, else the code waits to be sent. */
export function tickCode(copy: DoorCopy, typed: string, now: number): { copy: DoorCopy; name: string | null } {
  const code = normaliseTicketCode(typed);
  if (!code) return { copy, name: null };
  const item = copy.list.items.find((i) => i.ticketCode === code);
  if (item) return { copy: tick(copy, item.id, now), name: item.name };
  return { copy: copy.codes.includes(code) ? copy : { ...copy, codes: [...copy.codes, code] }, name: null };
}

/** What waits to be sent. */
export function unsent(copy: DoorCopy) {
  return {
    items: [
      ...Object.entries(copy.ticks).filter(([, t]) => !t.sent).map(([registrationId]) => ({ registrationId, ticketCode: null })),
      ...copy.codes.map((ticketCode) => ({ registrationId: null, ticketCode })),
    ],
  };
}

/** The server's answer applied: what it ticked or had ticked is sent; codes it knows none of are set aside to show. */
export function applyResult(copy: DoorCopy, sent: ReturnType<typeof unsent>, result: CheckInResult, now: number): DoorCopy {
  const done = new Set([...result.checkedIn, ...result.already]);
  const ticks = { ...copy.ticks };
  for (const item of sent.items) if (item.registrationId && (done.has(item.registrationId) || result.unknown.includes(item.registrationId))) ticks[item.registrationId] = { ...ticks[item.registrationId]!, sent: true };
  // A code sent is resolved either way: ticked (its registration is then marked) or unknown.
  const byCode = new Map(copy.list.items.map((i) => [i.ticketCode, i.id]));
  for (const id of done) if (!ticks[id]) ticks[id] = { at: now, sent: true };
  const sentCodes = new Set(sent.items.flatMap((i) => (i.ticketCode ? [i.ticketCode] : [])));
  for (const code of sentCodes) {
    const id = byCode.get(code);
    if (id && ticks[id]) ticks[id] = { ...ticks[id], sent: true };
  }
  return {
    ...copy,
    ticks,
    codes: copy.codes.filter((c) => !sentCodes.has(c)),
    unknown: [...new Set([...copy.unknown, ...result.unknown.filter((u) => sentCodes.has(u))])],
  };
}
