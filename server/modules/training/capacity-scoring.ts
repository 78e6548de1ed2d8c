import { CAPACITY_CATALOGUE, CAPACITY_DOMAINS, CAPACITY_GAP_MAX, CAPACITY_MAX_LEVEL, type CapacityDomain, type CapacityItem, type DomainScore } from '../../../contracts/capacity.js';

/** An item's level, null while undecided. */
export interface LevelOf { item: string; level: number | null }

const known = new Map<string, CapacityDomain>(CAPACITY_CATALOGUE.map((i) => [i.key, i.domain]));
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Per domain, in the catalogue's order: the items it has, how many are
 * answered, their mean level and that mean as a share (per cent) of the
 * highest level. A domain with nothing answered has no mean (null, not 0).
 * Items not in the catalogue are left out.
 */
export function domainScores(answers: LevelOf[]): DomainScore[] {
  return CAPACITY_DOMAINS.map((domain) => {
    const items = CAPACITY_CATALOGUE.filter((i) => i.domain === domain).length;
    const levels = answers.filter((a) => known.get(a.item) === domain && a.level !== null).map((a) => a.level!);
    if (!levels.length) return { domain, items, answered: 0, mean: null, share: null };
    const mean = levels.reduce((s, l) => s + l, 0) / levels.length;
    return { domain, items, answered: levels.length, mean: round(mean, 2), share: round((mean / CAPACITY_MAX_LEVEL) * 100, 1) };
  });
}

/** The items at level 1 or 2, in the catalogue's order: what training should answer. */
export function gapsOf(answers: LevelOf[]): Array<{ item: CapacityItem; domain: CapacityDomain; level: number }> {
  const byItem = new Map(answers.map((a) => [a.item, a.level]));
  return CAPACITY_CATALOGUE.flatMap((i) => {
    const level = byItem.get(i.key);
    return level != null && level <= CAPACITY_GAP_MAX ? [{ item: i.key, domain: i.domain, level }] : [];
  });
}

/** The catalogue's items still without a level (a submission needs none). */
export const unanswered = (answers: LevelOf[]): CapacityItem[] => {
  const done = new Set(answers.filter((a) => a.level !== null).map((a) => a.item));
  return CAPACITY_CATALOGUE.filter((i) => !done.has(i.key)).map((i) => i.key);
};
