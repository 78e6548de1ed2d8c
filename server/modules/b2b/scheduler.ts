/**
 * The B2B meeting scheduler: places accepted meetings in time slots × tables.
 * Pure (no database, no clock), deterministic: the same input gives the same
 * schedule. README.md says why it is not an ILP solver.
 *
 * What holds in every result (checked by `scheduler.test.ts` with a check of its own):
 * - a meeting is in a slot both its participants can attend;
 * - no participant is in two meetings of one slot;
 * - no table holds two meetings in one slot, and no slot uses more tables than there are;
 * - every meeting not placed is listed with its reason, none is dropped;
 * - fixed placements (a schedule already issued, on a late change) stay where they are.
 *
 * Evenness: a slot holds at most ⌈meetings / slots⌉ meetings (so that many tables) while
 * every meeting still finds a place within that; only meetings that find none under it are
 * allowed, one step at a time, up to the number of tables.
 *
 * How: meetings are taken most constrained first (fewest common free slots, then the
 * busiest participants), each put in its least loaded common slot where both are free.
 * A meeting with no such slot is placed by an augmenting repair: it takes a slot and the
 * meetings in its way (one of either participant there, or one meeting of a full slot)
 * move to another slot of theirs, recursively to `REPAIR_DEPTH`, within a step budget;
 * a chain that fails is undone.
 */

export interface SchedulerParticipant {
  id: string;
  /** Slots (0-based) the participant can attend; null: all. */
  available: readonly number[] | null;
}

export interface SchedulerMeeting {
  id: string;
  a: string;
  b: string;
}

export interface Placement {
  meetingId: string;
  slot: number;
  table: number;
}

export type UnplacedReason =
  /** The participant has more meetings than slots they can attend. */
  | { code: 'overbooked'; participant: string; meetings: number; freeSlots: number }
  /** The two have no slot both can attend. */
  | { code: 'no_common_slot'; a: string; b: string }
  /** Every slot both can attend holds another meeting of one of them. */
  | { code: 'busy'; a: string; b: string; slots: number }
  /** In the slots where both are free, every table is taken. */
  | { code: 'tables_full'; slots: number }
  /** A participant is not registered (any more). */
  | { code: 'not_participant'; participant: string };

export interface Unplaced {
  meetingId: string;
  reason: UnplacedReason;
}

export interface ScheduleInput {
  slots: number;
  tables: number;
  participants: readonly SchedulerParticipant[];
  meetings: readonly SchedulerMeeting[];
  /** Placements to keep as they are (a late change to a schedule already issued). */
  fixed?: readonly Placement[];
}

export interface ScheduleResult {
  placed: Placement[];
  unplaced: Unplaced[];
  /** Meetings per slot. */
  perSlot: number[];
  /** The most meetings (so tables) one slot was allowed. */
  cap: number;
}

const REPAIR_DEPTH = 5;
const REPAIR_BUDGET = 4000;

export function schedule(input: ScheduleInput): ScheduleResult {
  const S = Math.max(0, Math.floor(input.slots));
  const T = Math.max(0, Math.floor(input.tables));
  const pIndex = new Map(input.participants.map((p, i) => [p.id, i]));
  const P = input.participants.length;
  const canAttend = new Uint8Array(P * S);
  input.participants.forEach((p, i) => {
    for (let s = 0; s < S; s++) canAttend[i * S + s] = p.available === null ? 1 : 0;
    if (p.available) for (const s of p.available) if (s >= 0 && s < S) canAttend[i * S + s] = 1;
  });

  const unplaced: Unplaced[] = [];
  // Meetings the scheduler works with (both participants known), by index.
  const ms: Array<{ id: string; a: number; b: number; common: number[] }> = [];
  for (const m of input.meetings) {
    const a = pIndex.get(m.a);
    const b = pIndex.get(m.b);
    if (a === undefined || b === undefined) {
      unplaced.push({ meetingId: m.id, reason: { code: 'not_participant', participant: a === undefined ? m.a : m.b } });
      continue;
    }
    const common: number[] = [];
    for (let s = 0; s < S; s++) if (canAttend[a * S + s] && canAttend[b * S + s]) common.push(s);
    ms.push({ id: m.id, a, b, common });
  }
  const M = ms.length;
  const byId = new Map(ms.map((m, i) => [m.id, i]));
  const degree = new Int32Array(P);
  for (const m of ms) {
    degree[m.a]! += 1;
    degree[m.b]! += 1;
  }

  // State, with an undo log so a repair chain that fails leaves nothing behind.
  const slotOf = new Int32Array(M).fill(-1);
  const busy = new Int32Array(P * S).fill(-1);
  const load = new Int32Array(S);
  const inSlot: Array<Set<number>> = Array.from({ length: S }, () => new Set());
  const fixed = new Uint8Array(M);
  const log: Array<{ m: number; s: number; placed: boolean }> = [];
  const put = (m: number, s: number) => {
    const x = ms[m]!;
    slotOf[m] = s;
    busy[x.a * S + s] = m;
    busy[x.b * S + s] = m;
    load[s]! += 1;
    inSlot[s]!.add(m);
  };
  const take = (m: number) => {
    const x = ms[m]!;
    const s = slotOf[m]!;
    slotOf[m] = -1;
    busy[x.a * S + s] = -1;
    busy[x.b * S + s] = -1;
    load[s]! -= 1;
    inSlot[s]!.delete(m);
    return s;
  };
  const place = (m: number, s: number) => {
    put(m, s);
    log.push({ m, s, placed: true });
  };
  const remove = (m: number) => log.push({ m, s: take(m), placed: false });
  const undo = (mark: number) => {
    while (log.length > mark) {
      const step = log.pop()!;
      if (step.placed) take(step.m);
      else put(step.m, step.s);
    }
  };

  // Fixed placements first: they keep their slot (and table, below).
  const fixedTables = new Map<number, number>();
  for (const f of input.fixed ?? []) {
    const m = byId.get(f.meetingId);
    if (m === undefined || slotOf[m]! >= 0 || f.slot < 0 || f.slot >= S) continue;
    const x = ms[m]!;
    // A participant who has since said they cannot come at that slot frees the meeting to move.
    if (busy[x.a * S + f.slot]! >= 0 || busy[x.b * S + f.slot]! >= 0 || !canAttend[x.a * S + f.slot] || !canAttend[x.b * S + f.slot]) continue;
    put(m, f.slot);
    fixed[m] = 1;
    fixedTables.set(m, f.table);
  }

  let cap = Math.min(T, S ? Math.ceil(M / S) : 0);
  for (let s = 0; s < S; s++) cap = Math.max(cap, Math.min(T, load[s]!));

  const budget = { left: 0 };
  const tryInsert = (m: number, depth: number, chain: Set<number>): boolean => {
    const x = ms[m]!;
    let best = -1;
    for (const s of x.common) {
      if (busy[x.a * S + s]! < 0 && busy[x.b * S + s]! < 0 && load[s]! < cap && (best < 0 || load[s]! < load[best]!)) best = s;
    }
    if (best >= 0) {
      place(m, best);
      return true;
    }
    if (depth === 0) return false;
    const order = [...x.common].sort((p, q) => load[p]! - load[q]! || p - q);
    for (const s of order) {
      if (budget.left-- <= 0) return false;
      const conflicts = [...new Set([busy[x.a * S + s]!, busy[x.b * S + s]!].filter((c) => c >= 0))];
      if (conflicts.some((c) => fixed[c] || chain.has(c))) continue;
      // A full slot also gives up one of its other meetings, one that can go elsewhere.
      const evictable = load[s]! - conflicts.length >= cap
        ? [...inSlot[s]!].filter((e) => !fixed[e] && !chain.has(e) && !conflicts.includes(e)).sort((p, q) => ms[q]!.common.length - ms[p]!.common.length || p - q).slice(0, 3)
        : [null];
      for (const extra of evictable) {
        const moved = extra === null ? conflicts : [...conflicts, extra];
        const mark = log.length;
        for (const c of moved) remove(c);
        place(m, s);
        const next = new Set(chain).add(m);
        for (const c of moved) next.add(c);
        if (moved.every((c) => tryInsert(c, depth - 1, next))) return true;
        undo(mark);
      }
    }
    return false;
  };

  // Most constrained first; ties by the busiest participants, then by id (deterministic).
  const order = ms.map((_, i) => i).filter((i) => !fixed[i]);
  order.sort((p, q) => {
    const x = ms[p]!;
    const y = ms[q]!;
    return x.common.length - y.common.length || (degree[y.a]! + degree[y.b]!) - (degree[x.a]! + degree[x.b]!) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  });
  let left = order.filter((m) => ms[m]!.common.length > 0);
  for (;;) {
    const still: number[] = [];
    for (const m of left) {
      budget.left = REPAIR_BUDGET;
      if (!tryInsert(m, REPAIR_DEPTH, new Set())) still.push(m);
    }
    left = still;
    if (!left.length || cap >= T) break;
    // Some meeting finds no place under the evenness bound: allow one more table per slot.
    cap += 1;
  }

  // Tables: a fixed meeting keeps its own; the others take the lowest free table of their slot.
  const placed: Placement[] = [];
  const tableTaken: Array<Set<number>> = Array.from({ length: S }, () => new Set());
  for (const [m, table] of fixedTables) {
    const s = slotOf[m]!;
    if (s >= 0 && table >= 0 && table < T && !tableTaken[s]!.has(table)) {
      tableTaken[s]!.add(table);
      placed.push({ meetingId: ms[m]!.id, slot: s, table });
    } else fixedTables.delete(m);
  }
  const rest = ms.map((_, i) => i).filter((m) => slotOf[m]! >= 0 && !fixedTables.has(m)).sort((p, q) => slotOf[p]! - slotOf[q]! || (ms[p]!.id < ms[q]!.id ? -1 : 1));
  for (const m of rest) {
    const s = slotOf[m]!;
    let table = 0;
    while (tableTaken[s]!.has(table)) table++;
    if (table >= T) {
      // Only where fixed placements already filled the slot beyond its tables (tables taken away since).
      take(m);
      continue;
    }
    tableTaken[s]!.add(table);
    placed.push({ meetingId: ms[m]!.id, slot: s, table });
  }

  // Why each meeting left over found no place, in terms a person can check.
  const free = (p: number) => {
    let n = 0;
    for (let s = 0; s < S; s++) n += canAttend[p * S + s]!;
    return n;
  };
  for (let m = 0; m < M; m++) {
    if (slotOf[m]! >= 0) continue;
    const x = ms[m]!;
    const idOf = (p: number) => input.participants[p]!.id;
    const over = [x.a, x.b].map((p) => ({ p, meetings: degree[p]!, freeSlots: free(p) })).filter((o) => o.meetings > o.freeSlots).sort((u, v) => (v.meetings - v.freeSlots) - (u.meetings - u.freeSlots));
    let reason: UnplacedReason;
    if (!x.common.length) reason = { code: 'no_common_slot', a: idOf(x.a), b: idOf(x.b) };
    else if (over.length) reason = { code: 'overbooked', participant: idOf(over[0]!.p), meetings: over[0]!.meetings, freeSlots: over[0]!.freeSlots };
    else {
      const bothFree = x.common.filter((s) => busy[x.a * S + s]! < 0 && busy[x.b * S + s]! < 0);
      reason = bothFree.length ? { code: 'tables_full', slots: bothFree.length } : { code: 'busy', a: idOf(x.a), b: idOf(x.b), slots: x.common.length };
    }
    unplaced.push({ meetingId: x.id, reason });
  }

  const perSlot = Array.from({ length: S }, () => 0);
  for (const p of placed) perSlot[p.slot]! += 1;
  return { placed, unplaced, perSlot, cap };
}
