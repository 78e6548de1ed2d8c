import { z } from 'zod';
import { Email, IsoDate, Name, PageQuery, SortParam, Uuid } from './common.js';

/**
 * Decision-makers, after the Popolo standard: people, the public bodies they
 * belong to (organizations), the posts in those bodies, and who holds which
 * post from when to when (memberships). Per advocacy issue, a map of who
 * decides it, where they stand and how much they weigh.
 */
export const BODY_KINDS = ['ministry', 'agency', 'parliament', 'committee', 'local_government', 'regulator', 'donor', 'business_association', 'other'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** −2 firmly against … 0 undecided … 2 a champion of the reform. */
export const STANCES = [-2, -1, 0, 1, 2] as const;
/** 1 a voice, 2 shapes the decision, 3 takes it. */
export const INFLUENCES = [1, 2, 3] as const;

const Note = z.string().trim().max(2000).default('');

export const PublicBodyInput = z.object({ name: Name, classification: z.enum(BODY_KINDS) });
export type PublicBodyInput = z.infer<typeof PublicBodyInput>;

export const PostInput = z.object({ label: z.string().trim().min(2).max(200) });

export const PublicBody = z.object({
  id: Uuid,
  name: z.string(),
  classification: z.enum(BODY_KINDS),
  posts: z.array(z.object({ id: Uuid, label: z.string(), holders: z.array(z.object({ id: Uuid, name: z.string() })) })),
  /** People with a current membership of the body. */
  people: z.number().int(),
});
export type PublicBody = z.infer<typeof PublicBody>;

export const DecisionMakerInput = z.object({
  name: Name,
  /** "Hon.", "Dr.", "Alhaji": how letters address them. */
  honorificPrefix: z.string().trim().max(50).default(''),
  email: z.union([z.literal(''), Email]).default(''),
  phone: z.string().trim().max(50).default(''),
  notes: Note,
});
export type DecisionMakerInput = z.infer<typeof DecisionMakerInput>;

const DateOrNull = IsoDate.nullable().default(null);
export const MembershipInput = z
  .object({ organizationId: Uuid, postId: Uuid.nullable().default(null), role: z.string().trim().max(200).default(''), startDate: DateOrNull, endDate: DateOrNull })
  .refine((m) => !m.startDate || !m.endDate || m.endDate >= m.startDate, { path: ['endDate'], params: { code: 'advocacy.membership_dates' } });
export type MembershipInput = z.infer<typeof MembershipInput>;

export const Membership = z.object({
  id: Uuid,
  organization: z.object({ id: Uuid, name: z.string(), classification: z.enum(BODY_KINDS) }),
  post: z.object({ id: Uuid, label: z.string() }).nullable(),
  role: z.string(),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  /** Not ended by today. */
  current: z.boolean(),
});
export type Membership = z.infer<typeof Membership>;

/** "Post, Body": how a membership introduces a person, on the map and in the directory. */
export const postLabel = (m: Pick<Membership, 'post' | 'role' | 'organization'>) => [m.post?.label ?? m.role, m.organization.name].filter(Boolean).join(', ');

export const DecisionMaker = z.object({
  id: Uuid,
  name: z.string(),
  honorificPrefix: z.string(),
  email: z.string(),
  phone: z.string(),
  notes: z.string(),
  /** Current ones first, then the past, latest first. */
  memberships: z.array(Membership),
});
export type DecisionMaker = z.infer<typeof DecisionMaker>;

export const DecisionMakerDetail = DecisionMaker.extend({
  /** The issues whose map they are on. */
  issues: z.array(z.object({ issueId: Uuid, title: z.string(), stance: z.number().int(), influence: z.number().int(), note: z.string() })),
  /** Objectives of action plans that aim to move them. */
  objectives: z.array(z.object({ id: Uuid, issueId: Uuid, issueTitle: z.string(), text: z.string() })),
});
export type DecisionMakerDetail = z.infer<typeof DecisionMakerDetail>;

/** The columns the directory sorts by: by name by default, or the latest added first (`-added`). */
export const DECISION_MAKER_SORTS = ['name', 'added'] as const;
export const DecisionMakerFilter = z.object({
  /** Part of the person's name or of a body they belong to. */
  q: z.string().trim().max(200).optional(),
  organizationId: Uuid.optional(),
  sort: SortParam(DECISION_MAKER_SORTS, 'name'),
});
export type DecisionMakerFilter = z.infer<typeof DecisionMakerFilter>;
export const DecisionMakerQuery = PageQuery.extend(DecisionMakerFilter.shape);
export type DecisionMakerQuery = z.infer<typeof DecisionMakerQuery>;

// ---- the map of an issue ----

export const StakeholderInput = z.object({
  stance: z.number().int().min(-2).max(2),
  influence: z.number().int().min(1).max(3),
  note: Note,
});
export type StakeholderInput = z.infer<typeof StakeholderInput>;

export const Stakeholder = z.object({
  person: z.object({ id: Uuid, name: z.string(), honorificPrefix: z.string() }),
  /** Their current posts, "Post, Body". */
  posts: z.array(z.string()),
  stance: z.number().int(),
  influence: z.number().int(),
  note: z.string(),
  updatedAt: z.iso.datetime(),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

export const StakeholderMap = z.object({ items: z.array(Stakeholder) });
export type StakeholderMap = z.infer<typeof StakeholderMap>;

/** A seat a decision-maker holds at a dialogue forum (the same e-mail, else the same name). */
export const ForumSeat = z.object({ forumId: Uuid, forumName: z.string(), side: z.string(), role: z.string() });
export type ForumSeat = z.infer<typeof ForumSeat>;
