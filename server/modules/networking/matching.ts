import type { Blocker, MatchReason, MatchWeights, OfferKind, OfferSide, SharedBy } from '../../../contracts/networking.js';

/**
 * Explained matchmaking: deterministic rules a person can read, each worth
 * its weight (the organisation's settings) times how well it holds (0–1).
 * Pure: no database, no clock; the services hand it what the records say.
 */
export interface Party {
  /** The firm; for an offer another organisation shares, the offer's id (its firm is not named across organisations). */
  memberId: string;
  firmName: string;
  /** The organisation of the federation that shares this offer (issue 18.8); absent for the organisation's own. */
  sharedBy?: SharedBy;
  /** The offer or request this party stands for; null for a firm's profile alone. */
  offer: { id: string; title: string; kind: OfferKind; side: OfferSide } | null;
  /** HS codes of its products (offer's and profile's). */
  hs: string[];
  /** ISIC codes (the member's class, the offer's sectors). */
  isic: string[];
  /** The member's region (ISO 3166-2). */
  region: string | null;
  /** Countries it sells to or names in its offer (ISO 3166-1). */
  markets: string[];
  size: string | null;
  languages: string[];
  certifications: string[];
  /** Listed now: a published, unexpired offer, or an opted-in, unexpired profile. */
  listed: boolean;
  expired: boolean;
}

/**
 * Kinds that complete each other when both firms stand on the same side
 * (a supplier offering meets a buyer offering to buy) or on opposite sides
 * of one kind (a supplier offer meets a supplier request).
 */
export const COMPLEMENTARY_KINDS: ReadonlyArray<readonly [OfferKind, OfferKind]> = [
  ['supplier', 'buyer'],
  ['supplier', 'distributor'],
  ['supplier', 'export_partner'],
  ['subcontracting', 'buyer'],
  ['technology', 'joint_venture'],
];

/** Supplier → buyer links between ISIC divisions: the first sells to the second. */
export const SUPPLY_LINKS: ReadonlyArray<readonly [string, string, string]> = [
  ['01', '10', 'crops and livestock → food processing'],
  ['01', '11', 'crops → beverages'],
  ['01', '13', 'cotton and fibres → textiles'],
  ['02', '16', 'forestry → wood products'],
  ['03', '10', 'fishing → food processing'],
  ['10', '20', 'processed oils and butters → chemicals and cosmetics'],
  ['10', '46', 'food processing → wholesale'],
  ['10', '47', 'food processing → retail'],
  ['10', '56', 'food processing → restaurants'],
  ['10', '55', 'food processing → hotels'],
  ['11', '46', 'beverages → wholesale'],
  ['13', '14', 'textiles → apparel'],
  ['14', '47', 'apparel → retail'],
  ['15', '47', 'leather goods → retail'],
  ['16', '31', 'wood → furniture'],
  ['17', '18', 'paper → printing'],
  ['22', '10', 'plastic packaging → food processing'],
  ['24', '25', 'basic metals → metal products'],
  ['25', '28', 'metal products → machinery'],
  ['29', '45', 'vehicle parts → vehicle trade and repair'],
  ['46', '47', 'wholesale → retail'],
  ['49', '46', 'road transport → wholesale'],
  ['52', '46', 'warehousing → wholesale'],
  ['62', '46', 'software → wholesale'],
];

/** Linked HS chapters: goods of the first are an input of the second. */
export const PRODUCT_LINKS: ReadonlyArray<readonly [string, string, string]> = [
  ['07', '11', 'roots and tubers (cassava) → milled products (gari, flour, starch)'],
  ['10', '11', 'cereals → milled products'],
  ['08', '20', 'fruit and nuts → fruit preparations'],
  ['12', '15', 'oil seeds (shea nuts) → fats and oils (shea butter)'],
  ['15', '33', 'fats and oils → cosmetics'],
  ['15', '34', 'fats and oils → soap'],
  ['18', '19', 'cocoa → bakery and confectionery'],
  ['41', '42', 'hides and skins → leather goods'],
  ['44', '94', 'wood → furniture'],
  ['52', '61', 'cotton → knitted clothing'],
  ['52', '62', 'cotton → woven clothing'],
  ['72', '73', 'iron and steel → articles of iron and steel'],
  ['87', '87', 'vehicles and their parts'],
];

const SIZES = ['micro', 'small', 'medium', 'large'];

function linked<T extends readonly [string, string, string]>(table: readonly T[], a: string, b: string): T | undefined {
  return table.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The two sides complete each other (1), say nothing (0: a firm without an offer), or clash (same side, same kind). */
function sides(a: Party, b: Party): { fit: number; code: string; params: Record<string, string> } | 'clash' {
  if (!a.offer || !b.offer) return { fit: 0, code: '', params: {} };
  const { kind: ka, side: sa } = a.offer;
  const { kind: kb, side: sb } = b.offer;
  const complementary = COMPLEMENTARY_KINDS.some(([x, y]) => (x === ka && y === kb) || (x === kb && y === ka));
  if (ka === kb && sa !== sb) return { fit: 1, code: 'opposite_sides', params: { kind: ka } };
  if (complementary && sa === sb) return { fit: 1, code: 'complementary_kinds', params: { a: ka, b: kb } };
  // A supplier request and a buyer offer both seek goods: the same role twice.
  if (complementary || (ka === kb && sa === sb)) return 'clash';
  return { fit: 0, code: '', params: {} };
}

/** The closest pair of HS codes: the same subheading (1), heading (0.75), chapter (0.5) or linked chapters (0.5). */
function products(a: Party, b: Party) {
  let best = { fit: 0, code: '', params: {} as Record<string, string> };
  for (const x of a.hs) {
    for (const y of b.hs) {
      let common = 0;
      while (common < Math.min(x.length, y.length) && x[common] === y[common]) common++;
      const level = common >= 6 ? 6 : common >= 4 ? 4 : common >= 2 ? 2 : 0;
      const fit = level === 6 ? 1 : level === 4 ? 0.75 : level === 2 ? 0.5 : 0;
      if (fit > best.fit) best = { fit, code: `same_hs_${level}`, params: { code: x.slice(0, level) } };
      const link = fit === 0 ? linked(PRODUCT_LINKS, x.slice(0, 2), y.slice(0, 2)) : undefined;
      if (link && best.fit < 0.5) best = { fit: 0.5, code: 'linked_products', params: { from: link[0], to: link[1], link: link[2] } };
    }
  }
  return best;
}

/**
 * A supplier–buyer link between the firms' activities (SUPPLY_LINKS). It
 * counts whole where their products agree or one names none, a quarter where
 * both name products that have nothing in common (a shea grower and a cocoa
 * processor are linked activities, not partners).
 */
function supplyChain(a: Party, b: Party, productFit: number) {
  for (const x of a.isic) {
    for (const y of b.isic) {
      const link = linked(SUPPLY_LINKS, x.slice(0, 2), y.slice(0, 2));
      if (!link || x.slice(0, 2) === y.slice(0, 2)) continue;
      const agree = productFit > 0 || !a.hs.length || !b.hs.length;
      return { fit: agree ? 1 : 0.25, code: agree ? 'supply_link' : 'supply_link_other_products', params: { from: link[0], to: link[1], link: link[2] } };
    }
  }
  return { fit: 0, code: '', params: {} };
}

function sectors(a: Party, b: Party) {
  let best = { fit: 0, code: '', params: {} as Record<string, string> };
  for (const x of a.isic) {
    for (const y of b.isic) {
      const fit = x === y ? 1 : x.slice(0, 3) === y.slice(0, 3) && x.length >= 3 && y.length >= 3 ? 0.75 : x.slice(0, 2) === y.slice(0, 2) ? 0.5 : 0;
      if (fit > best.fit) best = { fit, code: fit === 1 ? 'same_sector' : 'related_sector', params: { code: fit === 1 ? x : x.slice(0, fit === 0.75 ? 3 : 2) } };
    }
  }
  return best;
}

function place(a: Party, b: Party) {
  if (a.region && a.region === b.region) return { fit: 1, code: 'same_region', params: { region: a.region } };
  const countryOf = (p: Party) => p.region?.slice(0, 2) ?? null;
  const cb = countryOf(b);
  if (cb && a.markets.includes(cb)) return { fit: 0.8, code: 'export_market', params: { country: cb } };
  const ca = countryOf(a);
  if (ca && b.markets.includes(ca)) return { fit: 0.8, code: 'export_market', params: { country: ca } };
  const shared = a.markets.find((m) => b.markets.includes(m));
  if (shared) return { fit: 0.5, code: 'shared_market', params: { country: shared } };
  return { fit: 0, code: '', params: {} };
}

function size(a: Party, b: Party) {
  if (!a.size || !b.size) return { fit: 0, code: '', params: {} };
  const gap = Math.abs(SIZES.indexOf(a.size) - SIZES.indexOf(b.size));
  return gap === 0 ? { fit: 1, code: 'same_size', params: { size: a.size } } : gap === 1 ? { fit: 0.5, code: 'near_size', params: { a: a.size, b: b.size } } : { fit: 0, code: '', params: {} };
}

function language(a: Party, b: Party) {
  const shared = a.languages.find((l) => b.languages.includes(l));
  return shared ? { fit: 1, code: 'shared_language', params: { language: shared } } : { fit: 0, code: '', params: {} };
}

function certification(a: Party, b: Party) {
  const theirs = new Map(b.certifications.map((c) => [c.trim().toLowerCase(), c]));
  const shared = a.certifications.find((c) => theirs.has(c.trim().toLowerCase()));
  return shared ? { fit: 1, code: 'shared_certification', params: { certification: shared } } : { fit: 0, code: '', params: {} };
}

export interface Scored {
  score: number;
  reasons: MatchReason[];
  blockers: Blocker[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * How well `b` fits `a`, rule by rule, and what keeps `b` out: the same firm,
 * not listed, expired, the same side of the same kind, or nothing in common
 * (no side, product or sector rule holds).
 */
export function scorePair(a: Party, b: Party, weights: MatchWeights): Scored {
  const blockers: Blocker[] = [];
  if (a.memberId === b.memberId) blockers.push('same_firm');
  if (b.expired) blockers.push('expired');
  else if (!b.listed) blockers.push(b.offer ? 'not_published' : 'not_listed');
  const side = sides(a, b);
  if (side === 'clash') blockers.push('same_side');
  const product = products(a, b);
  const results = {
    sides: side === 'clash' ? { fit: 0, code: '', params: {} } : side,
    products: product,
    supplyChain: supplyChain(a, b, product.fit),
    sectors: sectors(a, b),
    place: place(a, b),
    size: size(a, b),
    language: language(a, b),
    certification: certification(a, b),
  };
  const reasons: MatchReason[] = [];
  for (const [rule, r] of Object.entries(results) as Array<[keyof typeof results, { fit: number; code: string; params: Record<string, string> }]>) {
    if (r.fit > 0 && weights[rule] > 0) reasons.push({ rule, code: r.code, points: round(r.fit * weights[rule]), params: r.params });
  }
  const substantive = reasons.some((r) => ['sides', 'products', 'supplyChain', 'sectors'].includes(r.rule));
  if (!substantive) blockers.push('nothing_in_common');
  reasons.sort((x, y) => y.points - x.points || x.rule.localeCompare(y.rule));
  return { score: round(reasons.reduce((s, r) => s + r.points, 0)), reasons, blockers };
}

export interface Ranked extends Scored {
  party: Party;
}

/**
 * The candidates that fit `subject`, best first (score, then firm name, then
 * ids: one order whatever the input's), one entry per firm (its best fit).
 */
export function rankMatches(subject: Party, candidates: Party[], weights: MatchWeights, limit = 20): Ranked[] {
  const best = new Map<string, Ranked>();
  for (const party of candidates) {
    const scored = scorePair(subject, party, weights);
    if (scored.blockers.length) continue;
    const held = best.get(party.memberId);
    if (!held || compare({ ...scored, party }, held) < 0) best.set(party.memberId, { ...scored, party });
  }
  return [...best.values()].sort(compare).slice(0, limit);
}

function compare(x: Ranked, y: Ranked) {
  return y.score - x.score || x.party.firmName.localeCompare(y.party.firmName) || x.party.memberId.localeCompare(y.party.memberId) || (x.party.offer?.id ?? '').localeCompare(y.party.offer?.id ?? '');
}

/**
 * What a firm's profile (a party without an offer, so no side rule) must have
 * for `subject` to find anything in common with it: a product in one of
 * `chapters` (the subject's HS chapters and the chapters linked to them) or a
 * sector in one of `divisions` (the subject's ISIC divisions and those linked
 * to them by a supply chain), counting only rules whose weight is above zero.
 * Matching reads only such profiles: any other is kept out as nothing in common.
 */
export function reachOf(subject: Party, weights: MatchWeights): { chapters: string[]; divisions: string[] } {
  const chapters = new Set<string>();
  const divisions = new Set<string>();
  if (weights.products > 0) {
    for (const code of subject.hs) {
      const chapter = code.slice(0, 2);
      chapters.add(chapter);
      for (const [x, y] of PRODUCT_LINKS) if (x === chapter) chapters.add(y); else if (y === chapter) chapters.add(x);
    }
  }
  for (const code of subject.isic) {
    const division = code.slice(0, 2);
    if (weights.sectors > 0) divisions.add(division);
    if (weights.supplyChain > 0) for (const [x, y] of SUPPLY_LINKS) if (x === division) divisions.add(y); else if (y === division) divisions.add(x);
  }
  return { chapters: [...chapters], divisions: [...divisions] };
}
