import { z } from 'zod';
import { IsoDate, IsoDateTime, Name, PageQuery, SortParam, Text, Uuid } from './common.js';
import { CountryCode } from './geo.js';
import { HsCode, IsicCode } from './networking.js';

/**
 * The information service (server/modules/networking, issue 18.7): entries
 * staff keep (finance sources, export market requirements, regulations,
 * service providers, trade fairs), each with a source and a review date;
 * member firms' subscriptions by sector (ISIC), product (HS) or country, which
 * a weekly digest follows; and enquiries staff answer, timed, that may become
 * entries.
 */
export const INFO_ENTRY_TYPES = ['finance', 'export_requirements', 'regulation', 'service_provider', 'trade_fair'] as const;
export const InfoEntryType = z.enum(INFO_ENTRY_TYPES);
export type InfoEntryType = z.infer<typeof InfoEntryType>;

export const INFO_ENTRY_STATES = ['draft', 'published', 'archived'] as const;
export const InfoEntryState = z.enum(INFO_ENTRY_STATES);
export type InfoEntryState = z.infer<typeof InfoEntryState>;

const SourceUrl = z.union([z.literal(''), z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/ }))]);

export const InfoEntryInput = z.object({
  type: InfoEntryType,
  title: Name,
  body: Text(10000).default(''),
  /** Where the information comes from (a ministry, a bank, a fair's organiser). */
  source: Text(500).refine((s) => s.trim().length > 0, { params: { code: 'networking.source_required' } }),
  sourceUrl: SourceUrl.default(''),
  /** When staff must check the entry again. */
  reviewOn: IsoDate,
  sectors: z.array(IsicCode).max(10).default([]),
  hsCodes: z.array(HsCode).max(20).default([]),
  countries: z.array(CountryCode).max(30).default([]),
});
export type InfoEntryInput = z.infer<typeof InfoEntryInput>;

export const InfoEntryStateInput = z.object({ state: InfoEntryState });

export const InfoEntry = z.object({
  id: Uuid,
  type: InfoEntryType,
  title: z.string(),
  body: z.string(),
  source: z.string(),
  sourceUrl: z.string(),
  reviewOn: IsoDate,
  /** Past its review date (staff only; members are never shown it). */
  reviewDue: z.boolean(),
  sectors: z.array(z.string()),
  hsCodes: z.array(z.string()),
  countries: z.array(z.string()),
  state: InfoEntryState,
  /** The enquiry this entry was made from, if any. */
  enquiryId: Uuid.nullable(),
  publishedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
});
export type InfoEntry = z.infer<typeof InfoEntry>;

export const INFO_ENTRY_SORTS = ['updated', 'review', 'title'] as const;
export const InfoEntryFilter = z.object({
  q: z.string().trim().max(200).optional(),
  type: InfoEntryType.optional(),
  state: InfoEntryState.optional(),
  /** Only entries past their review date. */
  reviewDue: z.enum(['true', 'false']).optional(),
  sector: z.string().trim().regex(/^\d{2,4}$/).optional(),
  hs: z.string().trim().regex(/^\d{2,6}$/).optional(),
  country: z.string().trim().regex(/^[A-Z]{2}$/).optional(),
  sort: SortParam(INFO_ENTRY_SORTS, '-updated'),
});
export type InfoEntryFilter = z.infer<typeof InfoEntryFilter>;
export const InfoEntryQuery = PageQuery.extend(InfoEntryFilter.shape);
export type InfoEntryQuery = z.infer<typeof InfoEntryQuery>;

/**
 * A published entry another organisation of the federation shares with this
 * one (issue 18.8, `shareInfoWithFederation` of its networking settings):
 * read-only, with the organisation it comes from.
 */
export const FederationInfoEntry = InfoEntry.pick({
  id: true, type: true, title: true, body: true, source: true, sourceUrl: true, reviewOn: true, sectors: true, hsCodes: true, countries: true, publishedAt: true,
}).extend({ orgId: Uuid, orgName: z.string() });
export type FederationInfoEntry = z.infer<typeof FederationInfoEntry>;

export const FEDERATION_INFO_SORTS = ['published', 'title'] as const;
export const FederationInfoQuery = PageQuery.extend({
  ...InfoEntryFilter.pick({ q: true, type: true, sector: true, hs: true, country: true }).shape,
  sort: SortParam(FEDERATION_INFO_SORTS, '-published'),
});
export type FederationInfoQuery = z.infer<typeof FederationInfoQuery>;

/** What a member firm follows: any of its sectors, products or countries (and, if named, only these types). */
export const InfoSubscriptionInput = z.object({
  active: z.boolean().default(true),
  sectors: z.array(IsicCode).max(10).default([]),
  hsCodes: z.array(HsCode).max(20).default([]),
  countries: z.array(CountryCode).max(30).default([]),
  types: z.array(InfoEntryType).max(INFO_ENTRY_TYPES.length).default([]),
});
export type InfoSubscriptionInput = z.infer<typeof InfoSubscriptionInput>;

export const InfoSubscription = InfoSubscriptionInput.extend({
  lastDigestAt: IsoDateTime.nullable(),
});
export type InfoSubscription = z.infer<typeof InfoSubscription>;

export const ENQUIRY_STATES = ['open', 'answered'] as const;
export const EnquiryState = z.enum(ENQUIRY_STATES);
export type EnquiryState = z.infer<typeof EnquiryState>;

export const EnquiryInput = z.object({
  subject: Name,
  question: Text(5000).refine((s) => s.trim().length > 0, { params: { code: 'networking.question_required' } }),
});
export const EnquiryAnswerInput = z.object({
  answer: Text(10000).refine((s) => s.trim().length > 0, { params: { code: 'networking.answer_required' } }),
});
/** Staff make an entry from an answer: what the entry needs beyond the question and answer. */
export const EnquiryEntryInput = z.object({
  type: InfoEntryType,
  title: Name.optional(),
  source: Text(500).refine((s) => s.trim().length > 0, { params: { code: 'networking.source_required' } }),
  reviewOn: IsoDate,
});

export const Enquiry = z.object({
  id: Uuid,
  memberId: Uuid,
  firmName: z.string(),
  subject: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  state: EnquiryState,
  askedAt: IsoDateTime,
  answeredAt: IsoDateTime.nullable(),
  /** Seconds from the question to its answer. */
  secondsToAnswer: z.number().int().nullable(),
  /** The entry made from this enquiry, if any. */
  entryId: Uuid.nullable(),
});
export type Enquiry = z.infer<typeof Enquiry>;

export const EnquiryQuery = PageQuery.extend({ state: EnquiryState.optional() });
export type EnquiryQuery = z.infer<typeof EnquiryQuery>;
