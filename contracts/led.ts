import { z } from 'zod';
import { Email, Int, IsoDate, Name, PageQuery, SafeInt, SortParam, Text, Uuid } from './common.js';

/**
 * Local Economic Development: regions, their LED team and committee, the
 * regional profile, the locational analysis matrix, bottlenecks and measures.
 * A measure as carried out is `led-implementation.ts`, its follow-ups
 * `led-follow-ups.ts`.
 */

/** Private firms; the public sector (local and regional government); the semi-public sector (NGOs, BMOs, banks…). */
export const LED_SECTORS = ['private', 'public', 'semi_public'] as const;
export const LedSector = z.enum(LED_SECTORS);
export type LedSector = z.infer<typeof LedSector>;

export const LED_BODIES = ['team', 'committee'] as const;
export const LedBody = z.enum(LED_BODIES);

const Region = z.string().trim().min(1).max(10);

export const LedRegionInput = z.object({
  name: Name,
  /** An ISO 3166-2 subdivision of the organisation's country. */
  region: Region,
  /** One of the organisation's districts in that subdivision (members' settings), or null: the whole subdivision. */
  district: Text(200).trim().nullable().default(null).transform((d) => d || null),
  branchId: Uuid.nullable().default(null),
  narrative: Text(20_000).default(''),
});
export type LedRegionInput = z.infer<typeof LedRegionInput>;

export const LedRegion = z.object({
  id: Uuid,
  name: z.string(),
  region: z.string(),
  district: z.string().nullable(),
  branchId: Uuid.nullable(),
  branchName: z.string().nullable(),
  narrative: z.string(),
  teamSize: z.number(),
  bottlenecks: z.number(),
  measures: z.number(),
  /** Shown on the organisation's public LED page (`/local-development/:orgId`). */
  published: z.boolean(),
  updatedAt: z.string(),
});
export type LedRegion = z.infer<typeof LedRegion>;

/** The columns the list of regions sorts by: its name, how many measures it has, when it last changed. */
export const LED_REGION_SORTS = ['name', 'measures', 'updated'] as const;
export const LedRegionFilter = z.object({
  /** Part of the region's name or district. */
  q: z.string().trim().max(200).optional(),
  /** One ISO 3166-2 subdivision. */
  region: Region.optional(),
  sort: SortParam(LED_REGION_SORTS, 'name'),
});
export type LedRegionFilter = z.infer<typeof LedRegionFilter>;
export const LedRegionQuery = PageQuery.extend(LedRegionFilter.shape);
export type LedRegionQuery = z.infer<typeof LedRegionQuery>;

export const LedTeamMemberInput = z.object({
  body: LedBody.default('team'),
  /** Empty: taken from the contact or decision-maker named below. */
  name: Text(200).trim().default(''),
  sector: LedSector,
  /** What kind of actor within the sector: NGO, BMO, bank, ministry, district assembly… */
  sectorKind: Text(100).trim().default(''),
  organisation: Text(200).trim().default(''),
  role: Text(200).trim().default(''),
  email: z.union([z.literal(''), Email]).default(''),
  phone: Text(50).trim().default(''),
  /** A member firm's contact (both or neither). */
  memberId: Uuid.nullable().default(null),
  contactId: Uuid.nullable().default(null),
  /** Someone of the decision-makers directory. */
  decisionMakerId: Uuid.nullable().default(null),
}).refine((m) => !!m.memberId === !!m.contactId, { path: ['contactId'], params: { code: 'led.contact_needs_firm' } });
export type LedTeamMemberInput = z.infer<typeof LedTeamMemberInput>;

export const LedTeamMember = z.object({
  id: Uuid,
  body: LedBody,
  name: z.string(),
  sector: LedSector,
  sectorKind: z.string(),
  organisation: z.string(),
  role: z.string(),
  email: z.string(),
  phone: z.string(),
  memberId: Uuid.nullable(),
  firmName: z.string().nullable(),
  contactId: Uuid.nullable(),
  decisionMakerId: Uuid.nullable(),
});
export type LedTeamMember = z.infer<typeof LedTeamMember>;

export const KEY_FIGURE_TOPICS = ['population', 'employment', 'infrastructure', 'economy', 'other'] as const;
export const KeyFigureTopic = z.enum(KEY_FIGURE_TOPICS);

const Year = Int.min(1900).max(2999);

export const KeyFigureInput = z.object({
  topic: KeyFigureTopic,
  label: Name,
  value: z.number().finite().min(-1e15).max(1e15),
  unit: Text(50).trim().default(''),
  source: Text(300).trim().min(1),
  year: Year,
});
export type KeyFigureInput = z.infer<typeof KeyFigureInput>;

export const KeyFigure = KeyFigureInput.extend({ id: Uuid });
export type KeyFigure = z.infer<typeof KeyFigure>;

/** Firms of the registry in the region, counted when asked: by ISIC section and by size class (`not_stated` where unknown). */
export const FirmCounts = z.object({
  total: z.number(),
  bySector: z.array(z.object({ sector: z.string(), count: z.number() })),
  bySize: z.array(z.object({ size: z.string(), count: z.number() })),
});
export type FirmCounts = z.infer<typeof FirmCounts>;

/** The factors of a locational analysis the app proposes; a region may add its own. */
export const LED_FACTORS = ['infrastructure', 'labour_market', 'skills', 'finance', 'business_services', 'markets', 'institutions', 'environment'] as const;
export const LED_FINDINGS = ['strength', 'weakness'] as const;
export const LedFinding = z.enum(LED_FINDINGS);

export const AssessmentInput = z.object({
  year: Year,
  /** One of LED_FACTORS, or a factor of the region's own. */
  factor: z.string().trim().min(1).max(100).refine((s) => !/[\u0000-\u001F]/.test(s), { params: { code: 'invalid_characters' } }),
  finding: LedFinding,
  rating: Int.min(-2).max(2),
  evidence: Text(5000).default(''),
  source: Text(300).trim().default(''),
}).refine((a) => !(a.finding === 'strength' && a.rating < 0) && !(a.finding === 'weakness' && a.rating > 0), { path: ['rating'], params: { code: 'led.rating_against_finding' } });
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export const Assessment = z.object({
  id: Uuid, year: z.number(), factor: z.string(), finding: LedFinding, rating: z.number(), evidence: z.string(), source: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

export const MatrixSummary = z.object({
  year: z.number(),
  factors: z.number(),
  strengths: z.number(),
  weaknesses: z.number(),
  average: z.number().nullable(),
});
export type MatrixSummary = z.infer<typeof MatrixSummary>;

export const LedMatrix = z.object({
  years: z.array(z.number()),
  year: z.number().nullable(),
  items: z.array(Assessment),
  summary: MatrixSummary.nullable(),
});
export type LedMatrix = z.infer<typeof LedMatrix>;

export const MatrixQuery = z.object({ year: z.coerce.number().int().min(1900).max(2999).optional() });

/**
 * What kind of thing holds the region back: a regulatory bottleneck is a
 * matter for advocacy (taken there as an advocacy issue); a locational or a
 * market one is a candidate for an LED measure.
 */
export const BOTTLENECK_KINDS = ['regulatory', 'locational', 'market', 'other'] as const;

export const BottleneckInput = z.object({
  title: Name,
  kind: z.enum(BOTTLENECK_KINDS).default('locational'),
  description: Text(5000).default(''),
  factor: Text(100).trim().default(''),
  evidence: Text(5000).default(''),
});
export type BottleneckInput = z.infer<typeof BottleneckInput>;

export const Bottleneck = BottleneckInput.extend({ id: Uuid, measures: z.number(), advocacyIssueId: Uuid.nullable() });
export type Bottleneck = z.infer<typeof Bottleneck>;

/** Planned, running, done; and, at a follow-up after the end, still effective. */
export const MEASURE_STATUSES = ['planned', 'running', 'done', 'effective'] as const;
export const MeasureStatus = z.enum(MEASURE_STATUSES);

export const MeasurePartner = z.object({ name: Name, sector: LedSector });

/**
 * The last day a measure started on `startsOn` may be planned to end: the same
 * day a year later (29 February → 28 February), as PostgreSQL's
 * `date + interval '1 year'` (migration 0040's check).
 */
export function lastPlannedEnd(startsOn: string): string {
  const [y, m, d] = startsOn.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The LED principle of visible results: a measure ends at most one year after it starts, and not before. */
export function withinOneYear(startsOn: string, endsOn: string): boolean {
  return endsOn >= startsOn && endsOn <= lastPlannedEnd(startsOn);
}

const isDate = (s: string) => /^\d{4}-\d\d-\d\d$/.test(s);

export const MeasureInput = z.object({
  title: Name,
  description: Text(5000).default(''),
  bottleneckId: Uuid.nullable().default(null),
  partners: z.array(MeasurePartner).max(50).default([]),
  /** Minor units of the organisation's currency. */
  budget: SafeInt.min(0),
  startsOn: IsoDate,
  endsOn: IsoDate,
  status: MeasureStatus.default('planned'),
  /** The lead partner's e-mail: the follow-up forms go there. */
  leadEmail: z.union([z.literal(''), Email]).default(''),
}).refine((m) => !isDate(m.startsOn) || !isDate(m.endsOn) || m.endsOn >= m.startsOn, { path: ['endsOn'], params: { code: 'led.ends_before_start' } })
  .refine((m) => !isDate(m.startsOn) || !isDate(m.endsOn) || m.endsOn < m.startsOn || withinOneYear(m.startsOn, m.endsOn), { path: ['endsOn'], params: { code: 'led.longer_than_a_year' } });
export type MeasureInput = z.infer<typeof MeasureInput>;

export const Measure = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  bottleneckId: Uuid.nullable(),
  bottleneckTitle: z.string().nullable(),
  partners: z.array(MeasurePartner),
  budget: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: MeasureStatus,
  leadEmail: z.string(),
});
export type Measure = z.infer<typeof Measure>;

export const LedRegionDetail = LedRegion.extend({
  team: z.array(LedTeamMember),
  keyFigures: z.array(KeyFigure),
  firms: FirmCounts,
  bottleneckList: z.array(Bottleneck),
  measureList: z.array(Measure),
  currency: z.string(),
});
export type LedRegionDetail = z.infer<typeof LedRegionDetail>;

/** Regions side by side: firms, typed figures (latest year per label), the latest matrix's summary, bottlenecks and measures. */
export const LedComparison = z.object({
  items: z.array(z.object({
    id: Uuid,
    name: z.string(),
    firms: FirmCounts,
    keyFigures: z.array(KeyFigure),
    matrix: MatrixSummary.nullable(),
    bottlenecks: z.number(),
    measures: z.number(),
    /** Measures still effective at their latest follow-up, among those with a follow-up due. */
    effective: z.object({ num: z.number(), den: z.number() }),
  })),
  /** The same, pooled over the regions shown (Σ still effective / Σ with a follow-up due). */
  effective: z.object({ num: z.number(), den: z.number() }),
});
export type LedComparison = z.infer<typeof LedComparison>;
