import { z } from 'zod';
import { Uuid } from './common.js';

/**
 * Position papers: the organisation's written case on an advocacy issue,
 * in versions that are never edited in place, reviewed and approved before
 * they are published.
 */
export const PAPER_STATUSES = ['draft', 'in_review', 'approved'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

const Section = z.string().trim().max(20000);
export const PaperInput = z.object({
  title: z.string().trim().min(5).max(200),
  problem: Section.min(1),
  evidence: Section.default(''),
  proposals: Section.min(1),
  expectedImpact: Section.default(''),
});
export type PaperInput = z.infer<typeof PaperInput>;

export const PaperVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  problem: z.string(),
  evidence: z.string(),
  proposals: z.string(),
  expectedImpact: z.string(),
  author: z.string(),
  createdAt: z.iso.datetime(),
});
export type PaperVersion = z.infer<typeof PaperVersion>;

export const PaperSummary = z.object({
  id: Uuid,
  issueId: Uuid,
  /** The latest version's title, the one being worked on; the approved version keeps its own. */
  title: z.string(),
  status: z.enum(PAPER_STATUSES),
  latestVersion: z.number().int(),
  /** The version last approved; it stays the published one while a newer draft is worked on. */
  approvedVersion: z.number().int().nullable(),
  published: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type PaperSummary = z.infer<typeof PaperSummary>;

export const Paper = PaperSummary.extend({
  issueTitle: z.string(),
  /** The version asked for (the latest by default). */
  shown: PaperVersion,
  versions: z.array(PaperVersion.pick({ version: true, title: true, author: true, createdAt: true })),
});
export type Paper = z.infer<typeof Paper>;

/** A paper as it was approved: what a forum's members read behind an agenda item (a newer draft stays the organisation's). */
export const ApprovedPaper = z.object({ paperId: Uuid, shown: PaperVersion });
export type ApprovedPaper = z.infer<typeof ApprovedPaper>;

export const ReviewInput = z.object({
  decision: z.enum(['approve', 'return']),
  /** Required when returning it, so the author knows what to change. */
  note: z.string().trim().max(5000).default(''),
});
