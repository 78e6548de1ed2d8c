import { CAPACITY_CATALOGUE } from '../../contracts/capacity.js';
import type { Role } from '../../contracts/roles.js';
import type { Tx } from '../platform/db/tenancy.js';
import { createAssessment, saveAssessment, submitAssessment } from '../modules/training/capacity-service.js';

/** Levels in the catalogue's order (governance ×3, finances ×3, membership ×3, advocacy ×3, LED ×3, training ×3, networking ×2). */
type Levels = [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];

const NOTES: Record<string, string> = {
  governance_board: 'Board met twice this year; the general assembly was postponed.',
  finances_fees: 'About half of the members paid their fees by June; no reminders sent.',
  led_analysis: 'Regional profile drafted for Ashanti only.',
  training_trainers: 'One adviser certified after the ToT in Kumasi; the others still train with outside experts.',
  networking_information: 'Newsletter sent when there is news, about four times a year.',
};

async function assess(tx: Tx, orgId: string, actor: { userId: string; name: string }, year: number, levels: Levels, submit: boolean, upTo: number = levels.length) {
  const ctx = { tx, orgId, role: 'admin' as Role, actor, locale: 'en' };
  const id = await createAssessment(ctx, year);
  const answers = CAPACITY_CATALOGUE.slice(0, upTo).map((i, n) => ({ item: i.key, level: levels[n] as 1 | 2 | 3 | 4, note: levels[n]! <= 2 ? (NOTES[i.key] ?? '') : '' }));
  await saveAssessment(ctx, id, { answers });
  if (submit) await submitAssessment(ctx, id);
}

/**
 * The BMO's own capacity: the national chamber assessed itself last year and
 * this year (better in advocacy, still weak in fee collection and trainers);
 * Greater Accra and Ashanti submitted this year's (and share it with their
 * sibling branches, seed-demo.ts), Northern has a draft half done, which its
 * umbrella does not see; Northern sees the other two beside its own.
 */
export async function seedDemoCapacity(tx: Tx, chamberId: string, branchIds: string[], actor: { userId: string; name: string }, year: number) {
  await assess(tx, chamberId, actor, year - 1, [3, 2, 2, 2, 3, 1, 3, 2, 2, 2, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2], true);
  await assess(tx, chamberId, actor, year, [2, 3, 3, 3, 3, 2, 4, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3, 2], true);
  const [accra, ashanti, northern] = branchIds;
  if (accra) await assess(tx, accra, actor, year, [4, 3, 3, 4, 4, 3, 4, 4, 3, 3, 3, 4, 2, 2, 2, 3, 2, 3, 4, 3], true);
  if (ashanti) {
    await assess(tx, ashanti, actor, year - 1, [3, 2, 2, 2, 3, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 1], true);
    await assess(tx, ashanti, actor, year, [3, 3, 2, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 3, 3, 3, 3, 2], true);
  }
  if (northern) await assess(tx, northern, actor, year, [2, 2, 1, 1, 2, 1, 2, 2, 1, 1, 1, 2, 2, 2, 3, 1, 1, 1, 1, 1], false, 9);
}
