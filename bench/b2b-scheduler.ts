/**
 * The B2B scheduler (issue 18): 120 participants, 400 accepted meetings, 16 slots, 30 tables,
 * each participant unable to attend 0–4 slots. The meetings are drawn from a hidden schedule of
 * 25 meetings per slot that honours everyone's availability, so all 400 are placeable within
 * ⌈400/16⌉ = 25 tables per slot; the scheduler is given them shuffled, without the slots.
 * Targets: every placeable meeting placed, at most 25 tables in any slot, ≤ 2 s.
 * Run: node --import tsx bench/b2b-scheduler.ts
 */
import { performance } from 'node:perf_hooks';
import { schedule, type SchedulerMeeting, type SchedulerParticipant } from '../server/modules/b2b/scheduler.js';
import { seededRandom as random } from '../server/platform/seeded-random.js';

const PARTICIPANTS = 120;
const SLOTS = 16;
const TABLES = 30;
const PER_SLOT = 25;

function instance(seed: number) {
  const rnd = random(seed);
  const gaps = Array.from({ length: PARTICIPANTS }, () => {
    const n = Math.floor(rnd() * 5);
    const out = new Set<number>();
    while (out.size < n) out.add(Math.floor(rnd() * SLOTS));
    return out;
  });
  const participants: SchedulerParticipant[] = gaps.map((gap, i) => ({
    id: `P${i + 1}`,
    available: gap.size ? Array.from({ length: SLOTS }, (_, s) => s).filter((s) => !gap.has(s)) : null,
  }));
  const pairs = new Set<string>();
  const meetings: SchedulerMeeting[] = [];
  for (let s = 0; s < SLOTS; s++) {
    const free = participants.map((_, i) => i).filter((i) => !gaps[i]!.has(s));
    for (let i = free.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [free[i], free[j]] = [free[j]!, free[i]!];
    }
    let made = 0;
    for (let k = 0; k + 1 < free.length && made < PER_SLOT; k += 2) {
      const [a, b] = [free[k]!, free[k + 1]!].sort((x, y) => x - y);
      if (pairs.has(`${a}-${b}`)) continue;
      pairs.add(`${a}-${b}`);
      meetings.push({ id: `M${meetings.length + 1}`, a: `P${a! + 1}`, b: `P${b! + 1}` });
      made++;
    }
  }
  for (let i = meetings.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [meetings[i], meetings[j]] = [meetings[j]!, meetings[i]!];
  }
  return { participants, meetings };
}

let worst = 0;
for (const seed of [1, 2, 3, 4, 5]) {
  const { participants, meetings } = instance(seed);
  const started = performance.now();
  const result = schedule({ slots: SLOTS, tables: TABLES, participants, meetings });
  const ms = performance.now() - started;
  worst = Math.max(worst, ms);
  const maxTables = Math.max(...result.perSlot);
  console.log(
    `seed ${seed}: placed ${result.placed.length} / placeable ${meetings.length} (of ${meetings.length}), ` +
      `max tables in a slot ${maxTables} (target ≤ ${Math.ceil(meetings.length / SLOTS)}), time ${ms.toFixed(0)} ms (target ≤ 2000)` +
      (result.unplaced.length ? `, unplaced: ${result.unplaced.map((u) => u.reason.code).join(', ')}` : ''),
  );
}
console.log(`worst time ${worst.toFixed(0)} ms`);
