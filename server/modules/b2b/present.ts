import type { B2bRequest, B2bRequestState, B2bSettings } from '../../../contracts/b2b.js';
import type { b2bProfiles, b2bRequests, b2bSettings } from './tables.js';

export type SettingsRow = typeof b2bSettings.$inferSelect;
export type ProfileRow = typeof b2bProfiles.$inferSelect;
export type RequestRow = typeof b2bRequests.$inferSelect;

/** Every slot's start and end: slots follow each other, a break after a slot pushes the later ones. */
export function slotTimes(s: Pick<SettingsRow, 'firstSlotAt' | 'slotMinutes' | 'slotCount' | 'breaks'>) {
  const out: Array<{ index: number; startsAt: Date; endsAt: Date }> = [];
  let at = s.firstSlotAt.getTime();
  for (let i = 0; i < s.slotCount; i++) {
    const end = at + s.slotMinutes * 60_000;
    out.push({ index: i, startsAt: new Date(at), endsAt: new Date(end) });
    at = end + s.breaks.filter((b) => b.afterSlot === i + 1).reduce((sum, b) => sum + b.minutes, 0) * 60_000;
  }
  return out;
}

/** Every table's name: the one given, else its number. */
export const tableNames = (s: Pick<SettingsRow, 'tableCount' | 'tableNames'>) =>
  Array.from({ length: s.tableCount }, (_, i) => s.tableNames[i]?.trim() || `${i + 1}`);

/** A pending request past the deadline reads as expired: no job rewrites it (README.md). */
export function requestState(r: Pick<RequestRow, 'status'>, deadline: Date | null, now: Date): B2bRequestState {
  if (r.status === 'pending' && deadline && deadline < now) return 'expired';
  return r.status as B2bRequestState;
}

export function presentSettings(s: SettingsRow): B2bSettings {
  return {
    firstSlotAt: s.firstSlotAt.toISOString(), slotMinutes: s.slotMinutes, slotCount: s.slotCount, breaks: s.breaks, tableCount: s.tableCount,
    tableNames: s.tableNames, requestDeadline: s.requestDeadline.toISOString(),
    slots: slotTimes(s).map((x) => ({ index: x.index, startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString() })),
    tables: tableNames(s), scheduledAt: s.scheduledAt?.toISOString() ?? null,
  };
}

type Side = B2bRequest['from'];
export function presentRequest(r: RequestRow, beside: { from: Side; to: Side; deadline: Date | null; now: Date }): B2bRequest {
  const state = requestState(r, beside.deadline, beside.now);
  return {
    id: r.id, from: beside.from, to: beside.to, message: r.message, state,
    slot: state === 'accepted' ? r.slot : null, table: state === 'accepted' ? r.tableNo : null,
    createdAt: r.createdAt.toISOString(), answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}
