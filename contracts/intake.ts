import { z } from 'zod';
import { PageQuery, SortParam, Uuid } from './common.js';

/**
 * Issue intake: problems member firms raise, the firms that share them, and
 * staff triage. What goes forward becomes advocacy work.
 */
export const ISSUE_CATEGORIES = ['regulation', 'tax', 'infrastructure', 'finance', 'corruption', 'skills', 'markets', 'other'] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

/** `merged` is reached only by merging into another issue, and is final. */
export const ISSUE_STATUSES = ['new', 'triaged', 'forwarded', 'declined', 'merged'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const TRIAGE_STATUSES = ['new', 'triaged', 'forwarded', 'declined'] as const;

const csv = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const MemberIssueInput = z.object({
  title: z.string().trim().min(5).max(200),
  description: z.string().trim().min(1).max(5000),
  category: z.enum(ISSUE_CATEGORIES),
  /** Staff record an issue for a firm (from a call or a meeting); a member's own firm is implied. */
  memberId: Uuid.optional(),
  /** Made by the browser once per issue: raised again after a lost connection, the issue is not made twice. */
  clientKey: z.string().regex(/^[\w-]{16,100}$/).optional(),
});
export type MemberIssueInput = z.infer<typeof MemberIssueInput>;

export const MemberIssueEdit = MemberIssueInput.omit({ memberId: true, clientKey: true });

/** The columns the list of issues sorts by: newest first by default, or most firms affected first (`-affected`). */
export const ISSUE_SORTS = ['created', 'affected', 'title'] as const;
export const MemberIssueFilter = z.object({
  q: z.string().trim().max(200).optional(),
  status: csv.pipe(z.array(z.enum(ISSUE_STATUSES))).optional(),
  category: z.enum(ISSUE_CATEGORIES).optional(),
  sort: SortParam(ISSUE_SORTS, '-created'),
});
export type MemberIssueFilter = z.infer<typeof MemberIssueFilter>;
export const MemberIssueQuery = PageQuery.extend(MemberIssueFilter.shape);
export type MemberIssueQuery = z.infer<typeof MemberIssueQuery>;

export const StatusChangeInput = z.object({
  status: z.enum(TRIAGE_STATUSES),
  /** Said to members with the status; required when declining, so they know why. */
  note: z.string().trim().max(2000).default(''),
});
export type StatusChangeInput = z.infer<typeof StatusChangeInput>;

export const MergeInput = z.object({ into: Uuid, note: z.string().trim().max(2000).default('') });
export const AffectedInput = z.object({ memberId: Uuid.optional(), note: z.string().trim().max(1000).default('') });

const Count = z.object({ key: z.string().nullable(), count: z.number().int() });
export const AffectedBreakdown = z.object({ bySector: z.array(Count), byRegion: z.array(Count), bySize: z.array(Count) });

export const MemberIssue = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  category: z.enum(ISSUE_CATEGORIES),
  status: z.enum(ISSUE_STATUSES),
  responseNote: z.string(),
  mergedInto: z.object({ id: Uuid, title: z.string() }).nullable(),
  /** Only staff see which firm raised it; members see counts. */
  raisedBy: z.string().nullable(),
  /** The firm that raised it, for a link to it: given with `raisedBy`, to staff only. */
  raisedById: Uuid.nullable(),
  affectedFirms: z.number().int(),
  affectsUs: z.boolean(),
  breakdown: AffectedBreakdown,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type MemberIssue = z.infer<typeof MemberIssue>;

export const MemberIssueEvent = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.enum(['raised', 'edited', 'status', 'merged', 'merged_from', 'affected', 'unaffected']),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string(),
});
export type MemberIssueEvent = z.infer<typeof MemberIssueEvent>;

export const MemberIssueDetail = MemberIssue.extend({
  history: z.array(MemberIssueEvent),
  mergedFrom: z.array(z.object({ id: Uuid, title: z.string() })),
  /** The advocacy issues built on it. */
  takenUpIn: z.array(z.object({ id: Uuid, title: z.string() })).default([]),
});
export type MemberIssueDetail = z.infer<typeof MemberIssueDetail>;

export const AffectedFirm = z.object({ memberId: Uuid, name: z.string(), sector: z.string().nullable(), region: z.string().nullable(), size: z.string().nullable(), addedAt: z.iso.datetime(), via: z.string(), note: z.string() });
export type AffectedFirm = z.infer<typeof AffectedFirm>;

export const SimilarIssue = z.object({ id: Uuid, title: z.string(), category: z.enum(ISSUE_CATEGORIES), status: z.enum(ISSUE_STATUSES), affectedFirms: z.number().int(), affectsUs: z.boolean() });
