import { CAPACITY_CATALOGUE, CAPACITY_DOMAINS, CAPACITY_GAP_MAX, CAPACITY_MAX_LEVEL, type CapacityDomain, type CapacityItem, type DomainAverage, type DomainScore } from '../../../contracts/capacity.js';

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

/** Per domain, how many items have a level and the sum of those levels: what `sibling_capacity()` (migration 0061) hands back for a sibling. */
export interface DomainSum { domain: string; answered: number; sum: number }

/** The sums per domain of one organisation's levels (items outside the catalogue left out). */
export function domainSums(answers: LevelOf[]): DomainSum[] {
  return CAPACITY_DOMAINS.map((domain) => {
    const levels = answers.filter((a) => known.get(a.item) === domain && a.level !== null).map((a) => a.level!);
    return { domain, answered: levels.length, sum: levels.reduce((s, l) => s + l, 0) };
  });
}

/** `domainScores` from the sums per domain (domains not in the catalogue left out, missing ones unanswered), rounded the same way. */
export function scoresFromSums(sums: DomainSum[]): DomainScore[] {
  return CAPACITY_DOMAINS.map((domain) => {
    const items = CAPACITY_CATALOGUE.filter((i) => i.domain === domain).length;
    const s = sums.find((x) => x.domain === domain);
    if (!s || s.answered === 0) return { domain, items, answered: 0, mean: null, share: null };
    const mean = s.sum / s.answered;
    return { domain, items, answered: s.answered, mean: round(mean, 2), share: round((mean / CAPACITY_MAX_LEVEL) * 100, 1) };
  });
}

/**
 * Per domain, the mean over the organisations given of each one's mean level
 * (each organisation counts once, whatever it answered), and that as a share
 * of the highest level; means taken before rounding. A domain none of them
 * answered has no average (null, not 0).
 */
export function averageOf(organisations: DomainSum[][]): DomainAverage[] {
  return CAPACITY_DOMAINS.map((domain) => {
    const means = organisations.flatMap((sums) => {
      const s = sums.find((x) => x.domain === domain);
      return s && s.answered > 0 ? [s.sum / s.answered] : [];
    });
    if (!means.length) return { domain, branches: 0, mean: null, share: null };
    const mean = means.reduce((a, b) => a + b, 0) / means.length;
    return { domain, branches: means.length, mean: round(mean, 2), share: round((mean / CAPACITY_MAX_LEVEL) * 100, 1) };
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
