import type { Blocker, Match, WhyNot } from '../../../contracts/networking.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { directoryFirms, type DirectoryFirm } from '../members/audience-service.js';
import { federationOfferParties } from './federation-service.js';
import { rankMatches, reachOf, scorePair, type Party, type Ranked } from './matching.js';
import { offersForMatching, offerRow } from './offer-service.js';
import { offerState, profileState, type OfferRow, type ProfileRow } from './present.js';
import { matchableProfiles, profileRow, profilesOf } from './profile-service.js';
import { getNetworkingSettings } from './settings-service.js';

/**
 * Matchmaking over the organisation's records: each offer and each profile
 * becomes a party (its firm's sector, region and size from the member record),
 * scored by the pure rules of matching.ts with the organisation's weights.
 */
function profileParty(firm: DirectoryFirm, profile: ProfileRow | null, now: Date): Party {
  const state = profileState(profile, now);
  return {
    memberId: firm.id, firmName: firm.name, offer: null,
    hs: (profile?.offerings ?? []).map((o) => o.hsCode).filter(Boolean),
    isic: firm.sector && /^\d/.test(firm.sector) ? [firm.sector] : [],
    region: firm.region, markets: profile?.exportMarkets ?? [], size: firm.size,
    languages: profile?.languages ?? [], certifications: profile?.certifications ?? [],
    listed: state === 'published' && firm.active, expired: state === 'expired',
  };
}

function offerParty(firm: DirectoryFirm, offer: OfferRow, profile: ProfileRow | null, now: Date): Party {
  const base = profileParty(firm, profile, now);
  const state = offerState(offer, now);
  return {
    ...base,
    offer: { id: offer.id, title: offer.title, kind: offer.kind as NonNullable<Party['offer']>['kind'], side: offer.side as NonNullable<Party['offer']>['side'] },
    hs: offer.hsCodes.length ? offer.hsCodes : base.hs,
    isic: [...new Set([...offer.sectors, ...base.isic])],
    markets: [...new Set([...offer.countries, ...base.markets])],
    listed: state === 'published' && firm.active, expired: state === 'expired',
  };
}

/**
 * The candidates of the organisation. For a ranking (`reach`): its listed offers and the listed
 * profiles `reachOf` the subject leaves (any other is kept out, so reading none loses no match),
 * all of them, and the offers the federation's other organisations share with it. For "why not"
 * (`memberIds`): every offer and profile of these firms, listed or not.
 */
async function candidates(ctx: TenantCtx, now: Date, whose: { memberIds: string[] } | { reach: ReturnType<typeof reachOf> }): Promise<Party[]> {
  const memberIds = 'memberIds' in whose ? whose.memberIds : undefined;
  const offers = await offersForMatching(ctx, memberIds ? { memberIds } : { listedAt: now });
  let profiles: ProfileRow[];
  if (memberIds) profiles = await profilesOf(ctx, memberIds);
  else {
    // Only the profiles that can have something in common with the subject, but every one of them.
    const listed = await matchableProfiles(ctx, now, 'reach' in whose ? whose.reach : { chapters: [], divisions: [] });
    const have = new Set(listed.map((p) => p.memberId));
    profiles = [...listed, ...(await profilesOf(ctx, [...new Set(offers.map((o) => o.memberId))].filter((id) => !have.has(id))))];
  }
  const firms = await directoryFirms(ctx, [...offers.map((o) => o.memberId), ...profiles.map((p) => p.memberId), ...(memberIds ?? [])]);
  const profileOf = new Map(profiles.map((p) => [p.memberId, p]));
  const parties: Party[] = [];
  for (const o of offers) if (firms.has(o.memberId)) parties.push(offerParty(firms.get(o.memberId)!, o, profileOf.get(o.memberId) ?? null, now));
  for (const p of profiles) if (firms.has(p.memberId)) parties.push(profileParty(firms.get(p.memberId)!, p, now));
  for (const id of memberIds ?? []) if (firms.has(id) && !profileOf.has(id)) parties.push(profileParty(firms.get(id)!, null, now));
  if (!memberIds) parties.push(...(await federationOfferParties(ctx, now)));
  return parties;
}

async function subjectOf(ctx: TenantCtx, what: { offerId?: string; memberId?: string }, now: Date): Promise<Party> {
  if (what.offerId) {
    const offer = await offerRow(ctx, what.offerId);
    const firm = (await directoryFirms(ctx, [offer.memberId])).get(offer.memberId);
    if (!firm) throw new AppError('networking.firm_not_found');
    return offerParty(firm, offer, await profileRow(ctx, offer.memberId), now);
  }
  const firm = (await directoryFirms(ctx, [what.memberId!])).get(what.memberId!);
  if (!firm) throw new AppError('networking.firm_not_found');
  return profileParty(firm, await profileRow(ctx, firm.id), now);
}

const toMatch = (r: Ranked): Match => ({ memberId: r.party.memberId, firmName: r.party.firmName, offer: r.party.offer, score: r.score, reasons: r.reasons, sharedBy: r.party.sharedBy ?? null });

/** The ranked matches of an offer or of a firm, each with its reasons. */
export async function matchesFor(ctx: TenantCtx, what: { offerId?: string; memberId?: string }, now: Date, limit = 20): Promise<Match[]> {
  const subject = await subjectOf(ctx, what, now);
  const { weights } = await getNetworkingSettings(ctx);
  return rankMatches(subject, await candidates(ctx, now, { reach: reachOf(subject, weights) }), weights, limit).map(toMatch);
}

/**
 * Why a named firm is or is not among the matches: its best party (an offer
 * or its profile) with its score and reasons, its rank if it is matched, and
 * what keeps it out otherwise (expired, not published, same side, nothing in common…).
 */
export async function whyNot(ctx: TenantCtx, what: { offerId?: string; memberId?: string }, memberId: string, now: Date): Promise<WhyNot> {
  const subject = await subjectOf(ctx, what, now);
  const { weights } = await getNetworkingSettings(ctx);
  const theirs = await candidates(ctx, now, { memberIds: [memberId] });
  const firm = (await directoryFirms(ctx, [memberId])).get(memberId);
  if (!firm) throw new AppError('networking.firm_not_found');
  const scored = theirs.map((party) => ({ party, ...scorePair(subject, party, weights) }))
    .sort((a, b) => a.blockers.length - b.blockers.length || b.score - a.score);
  const best = scored[0];
  if (!best) return { memberId, firmName: firm.name, matched: false, rank: null, blockers: ['not_listed'], score: 0, reasons: [] };
  if (best.blockers.length) {
    // Every party of the firm is kept out: name what keeps each out, the closest first.
    const blockers = [...new Set(scored.flatMap((s) => s.blockers))] as Blocker[];
    return { memberId, firmName: firm.name, matched: false, rank: null, blockers, score: best.score, reasons: best.reasons };
  }
  const ranking = rankMatches(subject, await candidates(ctx, now, { reach: reachOf(subject, weights) }), weights, 10_000);
  const rank = ranking.findIndex((r) => r.party.memberId === memberId);
  return { memberId, firmName: firm.name, matched: rank >= 0, rank: rank >= 0 ? rank + 1 : null, blockers: [], score: best.score, reasons: best.reasons };
}
