import type { Interest, Introduction, IntroductionState, Offer, OfferKind, OfferSide, OfferState, Profile, ProfileState, PublicField } from '../../../contracts/networking.js';
import type { DirectoryFirm } from '../members/audience-service.js';
import type { networkingInterests, networkingIntroductions, networkingOffers, networkingProfiles } from './tables.js';

export type ProfileRow = typeof networkingProfiles.$inferSelect;
export type OfferRow = typeof networkingOffers.$inferSelect;
export type InterestRow = typeof networkingInterests.$inferSelect;
export type IntroductionRow = typeof networkingIntroductions.$inferSelect;

/** Listed now: opted in and not expired. */
export function profileState(row: Pick<ProfileRow, 'optedIn' | 'expiresAt'> | null, now: Date): ProfileState {
  if (!row?.optedIn || !row.expiresAt) return 'not_listed';
  return row.expiresAt.getTime() > now.getTime() ? 'published' : 'expired';
}

/** A published offer past its expiry is expired, whether or not a job has written so. */
export function offerState(row: Pick<OfferRow, 'state' | 'expiresAt'>, now: Date): OfferState {
  if (row.state === 'published' && row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return row.state as OfferState;
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** A firm's whole profile, for staff and for the firm itself. A firm without a profile yet gets the empty one. */
export function presentProfile(row: ProfileRow | null, firm: DirectoryFirm, now: Date): Profile {
  return {
    memberId: firm.id,
    firmName: firm.name,
    sector: firm.sector,
    region: firm.region,
    size: firm.size,
    contacts: { email: firm.email, phone: firm.phone, website: firm.website },
    state: profileState(row, now),
    optedIn: row?.optedIn ?? false,
    summary: row?.summary ?? '',
    offerings: row?.offerings ?? [],
    exportMarkets: row?.exportMarkets ?? [],
    certifications: row?.certifications ?? [],
    languages: row?.languages ?? [],
    publicFields: (row?.publicFields ?? []) as PublicField[],
    publishedAt: iso(row?.publishedAt),
    expiresAt: iso(row?.expiresAt),
    updatedAt: iso(row?.updatedAt),
  };
}

/** What the public directory may show of a listed profile: only the fields the firm made public, contacts never otherwise. */
export interface PublicProfile {
  memberId: string;
  name: string;
  summary: string | null;
  offerings: Array<{ name: string; kind: string; hsCode: string }> | null;
  exportMarkets: string[] | null;
  certifications: string[] | null;
  languages: string[] | null;
  sector: string | null;
  region: string | null;
  size: string | null;
  contacts: { email: string | null; phone: string | null; website: string | null } | null;
}

export function presentPublicProfile(row: ProfileRow, firm: DirectoryFirm): PublicProfile {
  const shown = new Set(row.publicFields);
  const when = <T>(field: PublicField, value: T): T | null => (shown.has(field) ? value : null);
  return {
    memberId: firm.id,
    name: firm.name,
    summary: when('summary', row.summary),
    offerings: when('offerings', row.offerings),
    exportMarkets: when('exportMarkets', row.exportMarkets),
    certifications: when('certifications', row.certifications),
    languages: when('languages', row.languages),
    sector: when('sector', firm.sector),
    region: when('region', firm.region),
    size: when('size', firm.size),
    contacts: when('contacts', { email: firm.email, phone: firm.phone, website: firm.website }),
  };
}

export function presentOffer(r: OfferRow, beside: { firmName: string; interests: number; now: Date }): Offer {
  return {
    id: r.id,
    memberId: r.memberId,
    firmName: beside.firmName,
    kind: r.kind as OfferKind,
    side: r.side as OfferSide,
    title: r.title,
    offered: r.offered,
    sought: r.sought,
    hsCodes: r.hsCodes,
    sectors: r.sectors,
    countries: r.countries,
    state: offerState(r, beside.now),
    returnReason: r.returnReason,
    publishedAt: iso(r.publishedAt),
    expiresAt: iso(r.expiresAt),
    interests: beside.interests,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentInterest(r: InterestRow, beside: { offerTitle: string; firmName: string }): Interest {
  return { id: r.id, offerId: r.offerId, offerTitle: beside.offerTitle, memberId: r.memberId, firmName: beside.firmName, message: r.message, state: r.state as Interest['state'], createdAt: r.createdAt.toISOString() };
}

export function presentIntroduction(r: IntroductionRow, beside: { names: Map<string, string>; offerTitle: string | null }): Introduction {
  return {
    id: r.id,
    firmA: { id: r.firmA, name: beside.names.get(r.firmA) ?? '' },
    firmB: { id: r.firmB, name: beside.names.get(r.firmB) ?? '' },
    offer: r.offerId && beside.offerTitle !== null ? { id: r.offerId, title: beside.offerTitle } : null,
    interestId: r.interestId,
    state: r.state as IntroductionState,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
