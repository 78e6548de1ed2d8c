import { describe, expect, it } from 'vitest';
import { agendaSms } from './agenda-text.js';
import { schedule, type ScheduleInput, type ScheduleResult } from './scheduler.js';

/** An independent check of a schedule against its input: returns every broken rule, in words. */
function violations(input: ScheduleInput, result: ScheduleResult): string[] {
  const out: string[] = [];
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const can = (p: string, s: number) => {
    const found = input.participants.find((x) => x.id === p);
    return !!found && (found.available === null || found.available.includes(s));
  };
  const seen = new Set<string>();
  const busy = new Set<string>();
  const tables = new Set<string>();
  for (const p of result.placed) {
    const m = meetings.get(p.meetingId);
    if (!m) out.push(`unknown meeting ${p.meetingId}`);
    else {
      if (!can(m.a, p.slot) || !can(m.b, p.slot)) out.push(`${m.id} in slot ${p.slot} someone cannot attend`);
      for (const who of [m.a, m.b]) {
        if (busy.has(`${who}@${p.slot}`)) out.push(`${who} twice in slot ${p.slot}`);
        busy.add(`${who}@${p.slot}`);
      }
    }
    if (p.slot < 0 || p.slot >= input.slots || p.table < 0 || p.table >= input.tables) out.push(`${p.meetingId} outside the grid`);
    if (tables.has(`${p.slot}/${p.table}`)) out.push(`table ${p.table} twice in slot ${p.slot}`);
    tables.add(`${p.slot}/${p.table}`);
    if (seen.has(p.meetingId)) out.push(`${p.meetingId} placed twice`);
    seen.add(p.meetingId);
  }
  for (const u of result.unplaced) {
    if (seen.has(u.meetingId)) out.push(`${u.meetingId} placed and unplaced`);
    seen.add(u.meetingId);
  }
  for (const m of input.meetings) if (!seen.has(m.id)) out.push(`${m.id} dropped silently`);
  return out;
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('B2B scheduler', () => {
  it('places meetings honouring availability, with no double booking, tables spread evenly', () => {
    // 6 participants, 4 slots, 9 meetings: at most ⌈9/4⌉ = 3 per slot although 5 tables exist.
    const input: ScheduleInput = {
      slots: 4, tables: 5,
      participants: [
        { id: 'A', available: null }, { id: 'B', available: [0, 1, 2] }, { id: 'C', available: [2, 3] },
        { id: 'D', available: null }, { id: 'E', available: [1, 2, 3] }, { id: 'F', available: null },
      ],
      meetings: [
        { id: 'm1', a: 'A', b: 'B' }, { id: 'm2', a: 'A', b: 'C' }, { id: 'm3', a: 'A', b: 'D' }, { id: 'm4', a: 'A', b: 'E' },
        { id: 'm5', a: 'B', b: 'D' }, { id: 'm6', a: 'C', b: 'D' }, { id: 'm7', a: 'D', b: 'E' }, { id: 'm8', a: 'E', b: 'F' }, { id: 'm9', a: 'B', b: 'F' },
      ],
    };
    const result = schedule(input);
    expect(violations(input, result)).toEqual([]);
    expect(result.placed).toHaveLength(9);
    expect(Math.max(...result.perSlot)).toBe(3);
    expect(result.perSlot.reduce((x, y) => x + y)).toBe(9);
    // Deterministic: the same input, the same schedule.
    expect(schedule(input)).toEqual(result);
  });

  it('lists what it cannot place with the reason, and keeps fixed placements on a late change', () => {
    const input: ScheduleInput = {
      slots: 3, tables: 1,
      participants: [
        { id: 'S12', available: null }, { id: 'B1', available: null }, { id: 'B2', available: null }, { id: 'B3', available: null }, { id: 'B4', available: null },
        { id: 'X', available: [0] }, { id: 'Y', available: [2] }, { id: 'Z', available: null }, { id: 'W', available: null },
      ],
      meetings: [
        { id: 's1', a: 'S12', b: 'B1' }, { id: 's2', a: 'S12', b: 'B2' }, { id: 's3', a: 'S12', b: 'B3' }, { id: 's4', a: 'S12', b: 'B4' },
        { id: 'xy', a: 'X', b: 'Y' }, { id: 'zw', a: 'Z', b: 'W' }, { id: 'gone', a: 'Z', b: 'Nobody' },
      ],
    };
    const result = schedule(input);
    expect(violations(input, result)).toEqual([]);
    const reasons = Object.fromEntries(result.unplaced.map((u) => [u.meetingId, u.reason]));
    // S12 has 4 meetings and 3 slots: one is left, said so; X and Y never share a slot.
    expect(Object.values(reasons).filter((r) => r.code === 'overbooked')).toEqual([{ code: 'overbooked', participant: 'S12', meetings: 4, freeSlots: 3 }]);
    expect(reasons.xy).toEqual({ code: 'no_common_slot', a: 'X', b: 'Y' });
    expect(reasons.gone).toEqual({ code: 'not_participant', participant: 'Nobody' });
    // One table: S12's three meetings fill every slot, so Z–W finds no table.
    expect(reasons.zw).toEqual({ code: 'tables_full', slots: 3 });
    expect(result.placed).toHaveLength(3);

    // A late change: s1 cancelled, zw added; the others stay where they were.
    const kept = result.placed.filter((p) => p.meetingId !== 's1');
    const leftOver = new Set(result.unplaced.map((u) => u.meetingId).filter((id) => id !== 'zw'));
    const later: ScheduleInput = { ...input, meetings: input.meetings.filter((m) => m.id !== 's1' && !leftOver.has(m.id)), fixed: kept };
    const again = schedule(later);
    expect(violations(later, again)).toEqual([]);
    for (const k of kept) expect(again.placed).toContainEqual(k);
    expect(again.placed.map((p) => p.meetingId).sort()).toEqual([...kept.map((p) => p.meetingId), 'zw'].sort());
  });

  it('says who is busy when every common slot holds another meeting of one of them', () => {
    const input: ScheduleInput = {
      slots: 2, tables: 2,
      participants: [{ id: 'A', available: null }, { id: 'B', available: null }, { id: 'C', available: [0] }, { id: 'D', available: [1] }],
      meetings: [{ id: 'm1', a: 'A', b: 'B' }, { id: 'm2', a: 'A', b: 'C' }, { id: 'm3', a: 'B', b: 'D' }],
    };
    const result = schedule(input);
    expect(violations(input, result)).toEqual([]);
    expect(result.unplaced).toEqual([{ meetingId: 'm1', reason: { code: 'busy', a: 'A', b: 'B', slots: 2 } }]);
  });

  it('fills every slot to the even bound exactly when a hidden schedule shows it can (repair at work)', () => {
    // A hidden schedule of 5 meetings in each of 8 slots over 16 people with gaps: 40 meetings, ⌈40/8⌉ = 5.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const gaps = all(16).map(() => new Set(all(2).map(() => Math.floor(rnd() * 8))));
    const meetings: Array<{ id: string; a: string; b: string }> = [];
    const pairs = new Set<string>();
    for (const s of all(8)) {
      const free = all(16).filter((p) => !gaps[p]!.has(s)).sort(() => rnd() - 0.5);
      for (let k = 0, made = 0; k + 1 < free.length && made < 5; k += 2) {
        const key = [free[k]!, free[k + 1]!].sort((x, y) => x - y).join('-');
        if (pairs.has(key)) continue;
        pairs.add(key);
        meetings.push({ id: `m${meetings.length}`, a: `P${free[k]}`, b: `P${free[k + 1]}` });
        made++;
      }
    }
    const input: ScheduleInput = {
      slots: 8, tables: 8,
      participants: all(16).map((p) => ({ id: `P${p}`, available: all(8).filter((s) => !gaps[p]!.has(s)) })),
      meetings: [...meetings].reverse(),
    };
    const result = schedule(input);
    expect(violations(input, result)).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(Math.max(...result.perSlot)).toBe(Math.ceil(meetings.length / 8));
  });

  it('cuts the SMS agenda in parts of at most 160 characters (70 outside GSM letters)', () => {
    const lines = Array.from({ length: 9 }, (_, i) => `09:${String(i * 5).padStart(2, '0')} T${i + 1} Kumasi Shea Processing Cooperative Ltd`);
    const parts = agendaSms('Shea B2B day v2*', lines);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(160);
    expect(parts.join(' ')).toContain('T9 Kumasi');
    const cyrillic = agendaSms('Встречи v1', lines.map((l) => `${l} Россия`));
    for (const p of cyrillic) expect(p.length).toBeLessThanOrEqual(70);
  });
  it('moves a kept meeting when a participant can no longer come at its slot', () => {
    const base: ScheduleInput = { slots: 3, tables: 2, participants: [{ id: 'A', available: null }, { id: 'B', available: null }], meetings: [{ id: 'ab', a: 'A', b: 'B' }] };
    const first = schedule(base);
    const slot = first.placed[0]!.slot;
    // B now says they cannot come at that slot: the kept placement gives way, and the meeting moves.
    const later: ScheduleInput = { ...base, participants: [{ id: 'A', available: null }, { id: 'B', available: [0, 1, 2].filter((s) => s !== slot) }], fixed: first.placed };
    const result = schedule(later);
    expect(violations(later, result)).toEqual([]);
    expect(result.placed).toHaveLength(1);
    expect(result.placed[0]!.slot).not.toBe(slot);
  });
});
