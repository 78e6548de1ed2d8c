import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, type OfferKind, type OfferSide } from '../../../contracts/networking.js';
import { rankMatches, reachOf, scorePair, type Party } from './matching.js';
import { seededRandom as random } from '../../platform/seeded-random.js';

const party = (over: Partial<Party> & { memberId: string }): Party => ({
  firmName: over.memberId, offer: null, hs: [], isic: [], region: null, markets: [], size: null, languages: [], certifications: [], listed: true, expired: false, ...over,
});
const offer = (id: string, kind: OfferKind, side: OfferSide) => ({ id, title: id, kind, side });

describe('scoring a pair', () => {
  it('explains each rule that holds, with its points from the weights', () => {
    const seller = party({ memberId: 'shea-nuts', offer: offer('o1', 'supplier', 'offer'), hs: ['120792'], isic: ['0126'], region: 'GH-NP', size: 'micro', languages: ['en', 'dag'], certifications: ['Organic'] });
    const buyer = party({ memberId: 'shea-butter', offer: offer('o2', 'supplier', 'request'), hs: ['1207'], isic: ['1040'], region: 'GH-NP', size: 'small', languages: ['en'], certifications: ['organic '] });
    const { score, reasons, blockers } = scorePair(seller, buyer, DEFAULT_WEIGHTS);
    expect(blockers).toEqual([]);
    expect(reasons.map((r) => [r.rule, r.code, r.points])).toEqual([
      ['sides', 'opposite_sides', 30],
      ['supplyChain', 'supply_link', 20],
      ['products', 'same_hs_4', 18.75],
      ['place', 'same_region', 10],
      ['certification', 'shared_certification', 5],
      ['language', 'shared_language', 5],
      ['size', 'near_size', 2.5],
    ]);
    expect(score).toBe(91.25);
    // A weight set to 0 drops its rule.
    expect(scorePair(seller, buyer, { ...DEFAULT_WEIGHTS, supplyChain: 0 }).score).toBe(71.25);
  });

  it('says why not: the same side, expired, not published, the same firm, nothing in common', () => {
    const a = party({ memberId: 'a', offer: offer('o1', 'supplier', 'offer'), hs: ['1801'] });
    expect(scorePair(a, party({ memberId: 'b', offer: offer('o2', 'supplier', 'offer'), hs: ['1801'] }), DEFAULT_WEIGHTS).blockers).toEqual(['same_side']);
    expect(scorePair(a, party({ memberId: 'b', offer: offer('o2', 'buyer', 'offer'), hs: ['1801'], expired: true, listed: false }), DEFAULT_WEIGHTS).blockers).toEqual(['expired']);
    expect(scorePair(a, party({ memberId: 'b', offer: offer('o2', 'buyer', 'offer'), hs: ['1801'], listed: false }), DEFAULT_WEIGHTS).blockers).toEqual(['not_published']);
    expect(scorePair(a, party({ memberId: 'a', hs: ['1801'] }), DEFAULT_WEIGHTS).blockers).toEqual(['same_firm']);
    expect(scorePair(a, party({ memberId: 'c', hs: ['8703'], languages: [] }), DEFAULT_WEIGHTS).blockers).toEqual(['nothing_in_common']);
    // Linked products: shea nuts (chapter 12) feed shea butter (chapter 15).
    expect(scorePair(party({ memberId: 'x', hs: ['120792'] }), party({ memberId: 'y', hs: ['151590'] }), DEFAULT_WEIGHTS).reasons[0]).toMatchObject({ code: 'linked_products', params: { from: '12', to: '15' } });
  });
});

describe('what matching reads', () => {
  it('reaches every profile a subject can match, whatever the weights', () => {
    const rnd = random(77);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const HS = ['120792', '151590', '1801', '180100', '19', '520831', '6109', '440729', '9403', '870830', '3401'];
    const ISIC = ['0126', '1040', '0127', '1073', '1312', '1410', '4620', '4711', '2930', '4520', '6201'];
    const some = <T>(xs: readonly T[]) => Array.from({ length: Math.floor(rnd() * 3) }, () => pick(xs));
    const kinds: OfferKind[] = ['supplier', 'buyer', 'distributor', 'technology'];
    let reached = 0;
    let outside = 0;
    for (let i = 0; i < 400; i++) {
      const weights = { ...DEFAULT_WEIGHTS, products: pick([0, 25]), sectors: pick([0, 10]), supplyChain: pick([0, 20]) };
      const subject = party({ memberId: 's', offer: rnd() < 0.5 ? offer('o', pick(kinds), pick(['offer', 'request'] as const)) : null, hs: some(HS), isic: some(ISIC) });
      const reach = reachOf(subject, weights);
      for (let j = 0; j < 20; j++) {
        const candidate = party({ memberId: `c${j}`, hs: some(HS), isic: some(ISIC), region: 'GH-NP', languages: ['en'] });
        // What the SQL of matchableProfiles tests: a product of a chapter reached, or a sector of a division reached.
        const within = candidate.hs.some((h) => reach.chapters.includes(h.slice(0, 2))) || candidate.isic.some((c) => reach.divisions.includes(c.slice(0, 2)));
        const kept = scorePair(subject, candidate, weights).blockers.length === 0;
        if (kept) expect(within, JSON.stringify({ subject, candidate, weights })).toBe(true);
        if (within) reached += 1;
        else outside += 1;
      }
    }
    // Both kinds occur, so the test says something.
    expect(reached).toBeGreaterThan(500);
    expect(outside).toBeGreaterThan(500);
  });
});

/**
 * Seven value chains a Ghanaian chamber has: the sellers' ISIC class, the
 * buyers' and the HS code of what changes hands.
 */
const CHAINS = [
  { name: 'shea', seller: '0126', buyer: '1040', hs: '120792' },
  { name: 'cocoa', seller: '0127', buyer: '1073', hs: '180100' },
  { name: 'cassava', seller: '0113', buyer: '1062', hs: '071410' },
  { name: 'cotton', seller: '0116', buyer: '1312', hs: '520100' },
  { name: 'cloth', seller: '1312', buyer: '1410', hs: '520812' },
  { name: 'parts', seller: '2930', buyer: '4520', hs: '870830' },
  { name: 'timber', seller: '0220', buyer: '3100', hs: '440729' },
];
const REGIONS = ['GH-AA', 'GH-AH', 'GH-NP', 'GH-WP'];
const SIZES = ['micro', 'small', 'medium'];

/**
 * The labelled set: per chain 14 sellers and 14 buyers (offers to supply;
 * requests for a supplier or offers to buy), written the way firms write
 * them: some buyers give a heading or chapter only, some no sector, some
 * their own product (a linked chapter). Two of each side have expired and one
 * was never published. A query's good partners are the listed firms of the
 * other side of its chain.
 */
function labelledSet() {
  const rnd = random(18);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const parties: Array<Party & { chain: string; role: 'seller' | 'buyer' }> = [];
  for (const chain of CHAINS) {
    for (const role of ['seller', 'buyer'] as const) {
      for (let i = 0; i < 14; i++) {
        const id = `${chain.name}-${role}-${i}`;
        const style = rnd();
        const hs = style < 0.5 ? [chain.hs] : style < 0.75 ? [chain.hs.slice(0, 4)] : style < 0.9 ? [chain.hs.slice(0, 2)] : [];
        const kindSide: [OfferKind, OfferSide] = role === 'seller' ? ['supplier', 'offer'] : rnd() < 0.5 ? ['supplier', 'request'] : ['buyer', 'offer'];
        parties.push({
          chain: chain.name, role, memberId: id, firmName: id, offer: offer(`offer-${id}`, ...kindSide),
          hs, isic: rnd() < 0.8 ? [role === 'seller' ? chain.seller : chain.buyer] : [],
          region: pick(REGIONS), markets: rnd() < 0.3 ? [pick(['NG', 'TG', 'BF', 'CI'])] : [], size: pick(SIZES),
          languages: rnd() < 0.7 ? ['en'] : ['en', pick(['tw', 'dag', 'ee'])], certifications: rnd() < 0.2 ? ['FDA Ghana'] : [],
          expired: i < 2, listed: i >= 3,
        });
      }
    }
  }
  return parties;
}

describe('quality of the matches on a labelled set', () => {
  it('finds good partners in the top 10 (precision@10)', () => {
    const parties = labelledSet();
    // 30 queries: in each chain, listed sellers and buyers in turn.
    const queries = CHAINS.flatMap((c) => parties.filter((p) => p.chain === c.name && p.listed).filter((_, i) => i % 5 === 0).slice(0, 5)).slice(0, 30);
    expect(queries).toHaveLength(30);
    let hits = 0;
    let shown = 0;
    for (const q of queries) {
      const good = new Set(parties.filter((p) => p.chain === q.chain && p.role !== q.role && p.listed).map((p) => p.memberId));
      expect(good.size).toBeGreaterThanOrEqual(10);
      const top = rankMatches(q, parties, DEFAULT_WEIGHTS, 10);
      expect(top).toHaveLength(10);
      // Expired and unpublished offers never come back.
      expect(top.every((m) => m.party.listed && !m.party.expired)).toBe(true);
      hits += top.filter((m) => good.has(m.party.memberId)).length;
      if (process.env.DEBUG_MATCH) for (const m of top.filter((x) => !good.has(x.party.memberId))) console.log(q.memberId, q.hs, q.isic, '->', m.party.memberId, m.party.hs, m.party.isic, m.score, m.reasons.map((r) => r.code).join(','));
      shown += top.length;
    }
    const precision = hits / shown;
    // The figure the issue asks for, printed for the report.
    console.log(`matchmaking precision@10 on 30 labelled offers: ${precision.toFixed(3)}`);
    // Measured 0.867 (260 of 300): the misses are firms that gave neither product nor sector, and cotton sellers beside weavers.
    expect(precision).toBeGreaterThanOrEqual(0.85);
    // Without the rules (score ties broken by name only) the same set scores far lower: the test can fail.
    const flat = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, k === 'size' ? 1 : 0])) as typeof DEFAULT_WEIGHTS;
    const labelOf = new Map(parties.map((p) => [p.memberId, p]));
    const blind = queries.reduce((n, q) => n + rankMatches(q, parties, flat, 10).filter((m) => labelOf.get(m.party.memberId)!.chain === q.chain && labelOf.get(m.party.memberId)!.role !== q.role).length, 0) / shown;
    expect(blind).toBeLessThan(0.5);
  });
});
