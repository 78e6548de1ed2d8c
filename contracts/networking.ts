import { z } from 'zod';
import { Int, IsoDateTime, Name, PageQuery, SortParam, Text, Uuid } from './common.js';
import { FOLLOW_UP_FORM_STATES } from './surveys.js';
import { CountryCode, LanguageCode } from './geo.js';

/**
 * SME networking (server/modules/networking): a member firm's directory
 * profile (what it offers, export markets, certifications, languages, public
 * field by field), cooperation offers and requests reviewed by staff, the
 * expressions of interest and introductions the chamber makes, and explained
 * matchmaking. Sector (ISIC), region and size are the member record's.
 */

/**
 * An HS code (Harmonized System): a chapter (2 digits), heading (4) or
 * subheading (6). Chapters run 01–97 (77 is reserved). No HS nomenclature with
 * names is kept here (none well kept among the packages this project may use):
 * a code is shown with its chapter only.
 */
export const HS_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6})$/;
export function isHsCode(code: string): boolean {
  if (!HS_CODE_PATTERN.test(code)) return false;
  const chapter = Number(code.slice(0, 2));
  return chapter >= 1 && chapter <= 97 && chapter !== 77;
}
export const hsChapter = (code: string) => code.slice(0, 2);
export const HsCode = z.string().trim().refine(isHsCode, { params: { code: 'networking.hs_code_format' } });

/** An ISIC Rev.4 code at any level below the section: division (2 digits), group (3) or class (4). */
export const IsicCode = z.string().trim().refine((s) => /^\d{2,4}$/.test(s), { params: { code: 'networking.isic_code_format' } });

/** The fields of a profile a firm may show on the public directory, each switched on by itself. */
export const PUBLIC_FIELDS = ['summary', 'offerings', 'exportMarkets', 'certifications', 'languages', 'sector', 'region', 'size', 'contacts'] as const;
export const PublicField = z.enum(PUBLIC_FIELDS);
export type PublicField = z.infer<typeof PublicField>;

export const OFFERING_KINDS = ['product', 'service'] as const;
export const Offering = z.object({
  name: Name,
  kind: z.enum(OFFERING_KINDS).default('product'),
  /** For a good: its HS code (2, 4 or 6 digits); empty for a service. */
  hsCode: z.union([z.literal(''), HsCode]).default(''),
});
export type Offering = z.infer<typeof Offering>;

const Certification = Name.pipe(z.string().max(100));

export const ProfileInput = z.object({
  /** The firm agrees to be listed; nothing is public without it. */
  optedIn: z.boolean().default(false),
  summary: Text(2000).default(''),
  offerings: z.array(Offering).max(50).default([]),
  exportMarkets: z.array(CountryCode).max(60).default([]),
  certifications: z.array(Certification).max(20).default([]),
  languages: z.array(LanguageCode).max(20).default([]),
  publicFields: z.array(PublicField).max(PUBLIC_FIELDS.length).default([]),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const PROFILE_STATES = ['not_listed', 'published', 'expired'] as const;
export type ProfileState = (typeof PROFILE_STATES)[number];

export const Profile = z.object({
  memberId: Uuid,
  firmName: z.string(),
  /** The member record's: ISIC class, region (ISO 3166-2), size class. */
  sector: z.string().nullable(),
  region: z.string().nullable(),
  size: z.string().nullable(),
  contacts: z.object({ email: z.string().nullable(), phone: z.string().nullable(), website: z.string().nullable() }),
  state: z.enum(PROFILE_STATES),
  optedIn: z.boolean(),
  summary: z.string(),
  offerings: z.array(z.object({ name: z.string(), kind: z.enum(OFFERING_KINDS), hsCode: z.string() })),
  exportMarkets: z.array(z.string()),
  certifications: z.array(z.string()),
  languages: z.array(z.string()),
  publicFields: z.array(PublicField),
  publishedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime.nullable(),
});
export type Profile = z.infer<typeof Profile>;

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;

export const DIRECTORY_SORTS = ['updated', 'expires'] as const;
export const DirectoryFilter = z.object({
  q: Text(100).optional(),
  /** An ISIC section letter, division, group or class. */
  sector: z.string().trim().regex(/^([A-Za-z]|\d{2,4})$/).optional(),
  /** An HS code prefix, 2 to 6 digits. */
  hs: z.string().trim().regex(/^\d{2,6}$/).optional(),
  region: z.string().trim().max(10).optional(),
  market: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional(),
  certification: Text(100).optional(),
  size: z.enum(SIZE_CLASSES).optional(),
  /** Staff lists: every profile (the default) or only those listed publicly now. */
  state: z.enum(PROFILE_STATES).optional(),
  sort: SortParam(DIRECTORY_SORTS, '-updated'),
});
export type DirectoryFilter = z.infer<typeof DirectoryFilter>;
export const DirectoryQuery = PageQuery.extend(DirectoryFilter.shape);
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

// Cooperation offers and requests.
export const OFFER_KINDS = ['subcontracting', 'joint_venture', 'franchising', 'supplier', 'buyer', 'distributor', 'export_partner', 'technology'] as const;
export const OfferKind = z.enum(OFFER_KINDS);
export type OfferKind = z.infer<typeof OfferKind>;
export const OFFER_SIDES = ['offer', 'request'] as const;
export const OfferSide = z.enum(OFFER_SIDES);
export type OfferSide = z.infer<typeof OfferSide>;
/** draft → submitted → published (or returned with a reason, then submitted again) → expired | withdrawn. */
export const OFFER_STATES = ['draft', 'submitted', 'returned', 'published', 'expired', 'withdrawn'] as const;
export const OfferState = z.enum(OFFER_STATES);
export type OfferState = z.infer<typeof OfferState>;

export const OfferInput = z.object({
  kind: OfferKind,
  side: OfferSide,
  title: Name,
  /** What the firm offers. */
  offered: Text(3000).default(''),
  /** What the firm seeks. */
  sought: Text(3000).default(''),
  hsCodes: z.array(HsCode).max(20).default([]),
  sectors: z.array(IsicCode).max(10).default([]),
  countries: z.array(CountryCode).max(30).default([]),
});
export type OfferInput = z.infer<typeof OfferInput>;
/** Staff enter an offer for a firm. */
export const StaffOfferInput = OfferInput.extend({ memberId: Uuid });

export const Offer = z.object({
  id: Uuid,
  memberId: Uuid,
  firmName: z.string(),
  kind: OfferKind,
  side: OfferSide,
  title: z.string(),
  offered: z.string(),
  sought: z.string(),
  hsCodes: z.array(z.string()),
  sectors: z.array(z.string()),
  countries: z.array(z.string()),
  state: OfferState,
  returnReason: z.string().nullable(),
  publishedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  interests: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Offer = z.infer<typeof Offer>;

export const OFFER_SORTS = ['updated', 'expires'] as const;
export const OfferFilter = z.object({
  state: OfferState.optional(),
  side: OfferSide.optional(),
  kind: OfferKind.optional(),
  memberId: Uuid.optional(),
  sort: SortParam(OFFER_SORTS, '-updated'),
});
export type OfferFilter = z.infer<typeof OfferFilter>;
export const OfferQuery = PageQuery.extend(OfferFilter.shape);
export type OfferQuery = z.infer<typeof OfferQuery>;

/** The organisation a shared record comes from, and whom to call about it (issue 18.8). */
export const SharedBy = z.object({ orgId: Uuid, orgName: z.string(), contact: z.string() });
export type SharedBy = z.infer<typeof SharedBy>;

/**
 * A published, unexpired offer or request another organisation of the
 * federation shares (`shareOffersWithFederation` of its settings): read-only,
 * the firm not named; an interest goes to the owning chamber (`sharedBy`).
 */
export const FederationOffer = z.object({
  id: Uuid,
  kind: OfferKind,
  side: OfferSide,
  title: z.string(),
  offered: z.string(),
  sought: z.string(),
  hsCodes: z.array(z.string()),
  sectors: z.array(z.string()),
  countries: z.array(z.string()),
  publishedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  sharedBy: SharedBy,
});
export type FederationOffer = z.infer<typeof FederationOffer>;
export const FEDERATION_OFFER_SORTS = ['published', 'title'] as const;
export const FederationOfferQuery = PageQuery.extend({
  q: Text(200).optional(),
  side: OfferSide.optional(),
  kind: OfferKind.optional(),
  sort: SortParam(FEDERATION_OFFER_SORTS, '-published'),
});
export type FederationOfferQuery = z.infer<typeof FederationOfferQuery>;

export const ReturnInput = z.object({ reason: Text(1000).refine((s) => s.trim().length > 0, { params: { code: 'networking.reason_required' } }) });

export const InterestInput = z.object({ message: Text(2000).default('') });
export const INTEREST_STATES = ['open', 'introduced'] as const;
export const Interest = z.object({
  id: Uuid,
  offerId: Uuid,
  offerTitle: z.string(),
  memberId: Uuid,
  firmName: z.string(),
  message: z.string(),
  state: z.enum(INTEREST_STATES),
  createdAt: IsoDateTime,
});
export type Interest = z.infer<typeof Interest>;

/** proposed → accepted → met → deal | no_deal; no_deal may close it at any step. */
export const INTRODUCTION_STATES = ['proposed', 'accepted', 'met', 'deal', 'no_deal'] as const;
export const IntroductionState = z.enum(INTRODUCTION_STATES);
export type IntroductionState = z.infer<typeof IntroductionState>;
export const NEXT_INTRODUCTION_STATES: Record<IntroductionState, readonly IntroductionState[]> = {
  proposed: ['accepted', 'no_deal'],
  accepted: ['met', 'no_deal'],
  met: ['deal', 'no_deal'],
  deal: [],
  no_deal: [],
};

export const IntroductionInput = z.object({
  /** The firm behind the offer and the firm introduced to it. */
  firmA: Uuid,
  firmB: Uuid,
  offerId: Uuid.nullable().default(null),
  interestId: Uuid.nullable().default(null),
  note: Text(2000).default(''),
});
export type IntroductionInput = z.infer<typeof IntroductionInput>;
export const IntroductionStatusInput = z.object({ state: IntroductionState, note: Text(2000).default('') });

const FirmRef = z.object({ id: Uuid, name: z.string() });
export const Introduction = z.object({
  id: Uuid,
  firmA: FirmRef,
  firmB: FirmRef,
  offer: z.object({ id: Uuid, title: z.string() }).nullable(),
  interestId: Uuid.nullable(),
  state: IntroductionState,
  note: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Introduction = z.infer<typeof Introduction>;

export const INTRODUCTION_SORTS = ['updated', 'created'] as const;
export const IntroductionFilter = z.object({
  state: IntroductionState.optional(),
  memberId: Uuid.optional(),
  sort: SortParam(INTRODUCTION_SORTS, '-updated'),
});
export const IntroductionQuery = PageQuery.extend(IntroductionFilter.shape);
export type IntroductionQuery = z.infer<typeof IntroductionQuery>;

export const OfferDetail = Offer.extend({ interestList: z.array(Interest), introductions: z.array(Introduction) });
export type OfferDetail = z.infer<typeof OfferDetail>;

// Explained matchmaking.
/** The rules a match is scored by; each has a weight in the organisation's settings. */
export const MATCH_RULES = ['sides', 'products', 'supplyChain', 'sectors', 'place', 'size', 'language', 'certification'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];
export const MatchWeights = z.object(Object.fromEntries(MATCH_RULES.map((r) => [r, Int.min(0).max(100)])) as Record<MatchRule, z.ZodNumber>);
export type MatchWeights = z.infer<typeof MatchWeights>;
export const DEFAULT_WEIGHTS: MatchWeights = { sides: 30, products: 25, supplyChain: 20, sectors: 10, place: 10, size: 5, language: 5, certification: 5 };

/** Why two firms fit, one rule at a time: `code` names the reason (networking.reasons.<code>), `params` its particulars. */
export const MatchReason = z.object({ rule: z.enum(MATCH_RULES), code: z.string(), points: z.number(), params: z.record(z.string(), z.string()) });
export type MatchReason = z.infer<typeof MatchReason>;
/** Why a firm is not among the matches (networking.whyNot.<code>). */
export const BLOCKERS = ['same_firm', 'not_listed', 'not_published', 'expired', 'same_side', 'nothing_in_common'] as const;
export type Blocker = (typeof BLOCKERS)[number];

export const Match = z.object({
  /** The firm; for an offer shared by another organisation, the offer's id (the firm is not named across organisations). */
  memberId: Uuid,
  firmName: z.string(),
  offer: z.object({ id: Uuid, title: z.string(), kind: OfferKind, side: OfferSide }).nullable(),
  score: z.number(),
  reasons: z.array(MatchReason),
  /** Set for an offer another organisation of the federation shares: introduce through that chamber. */
  sharedBy: SharedBy.nullable(),
});
export type Match = z.infer<typeof Match>;
export const WhyNot = z.object({
  memberId: Uuid,
  firmName: z.string(),
  matched: z.boolean(),
  rank: z.number().int().nullable(),
  blockers: z.array(z.enum(BLOCKERS)),
  score: z.number(),
  reasons: z.array(MatchReason),
});
export type WhyNot = z.infer<typeof WhyNot>;

export const NetworkingSettings = z.object({
  /** How long a published profile or offer stays listed. */
  expiryMonths: Int.min(1).max(36).default(12),
  /** How many days before expiry the firm is reminded to renew. */
  reminderDays: Int.min(1).max(90).default(30),
  weights: MatchWeights.default(DEFAULT_WEIGHTS),
  /**
   * Whether the other organisations of the federation (the umbrella and its
   * branches) see this one's published information entries, read-only (issue
   * 18.8, networking/federation-service.ts); off by default.
   */
  shareInfoWithFederation: z.boolean().default(false),
  /** Its published, unexpired cooperation offers and requests too, without the firms' names (migration 0079); off by default. */
  shareOffersWithFederation: z.boolean().default(false),
  /** Whom the others call about what is shared (a person, phone, e-mail): an interest in a shared offer goes to this chamber. */
  federationContact: Text(300).default(''),
});
export type NetworkingSettings = z.infer<typeof NetworkingSettings>;

/**
 * Deal follow-ups (server/modules/networking/deal-service.ts): when two firms
 * met, each firm's contacts get the deal form (surveys' follow-up forms) 3, 6
 * and 12 months later. An answer "agreement signed" is a deal reported by that
 * firm; deals are counted once per pair of firms, whoever reports them.
 */
export const DEAL_FOLLOW_UP_MONTHS = [3, 6, 12] as const;
/** The deal form's question names: the answers are read back by them. */
export const DEAL_QUESTIONS = { signed: 'signed', type: 'deal_type', value: 'deal_value', jobs: 'jobs_created' } as const;
/** The answer to `signed` that says no deal and none expected: the introduction's later follow-ups are not sent. */
export const DEAL_NO_DEAL = 'no_deal';
export const DEAL_TYPES = [...OFFER_KINDS, 'other'] as const;

export const DealReport = z.object({
  signed: z.boolean(),
  /** No deal and none expected (DEAL_NO_DEAL): the later follow-ups were not sent. */
  noneExpected: z.boolean(),
  type: z.string().nullable(),
  /** Integer minor units of the organisation's currency. */
  value: z.number().nullable(),
  currency: z.string(),
  jobs: z.number().nullable(),
});
export type DealReport = z.infer<typeof DealReport>;

export const DealFollowUp = z.object({
  id: Uuid,
  introductionId: Uuid,
  /** The firm asked, and the firm it was introduced to. */
  firm: FirmRef,
  partner: FirmRef,
  months: z.number(),
  dueOn: z.string(),
  state: z.enum(FOLLOW_UP_FORM_STATES),
  hasEmail: z.boolean(),
  sentAt: IsoDateTime.nullable(),
  answeredAt: IsoDateTime.nullable(),
  report: DealReport.nullable(),
});
export type DealFollowUp = z.infer<typeof DealFollowUp>;
export const DealFollowUpQuery = z.object({ state: z.enum(FOLLOW_UP_FORM_STATES).optional() });
