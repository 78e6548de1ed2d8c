import { z } from 'zod';
import { IsoDate, PageQuery, SortParam, Uuid } from './common.js';

/** The strategy and action plan of an advocacy issue: objectives, and the activities that reach them. */
export const ACTION_KINDS = ['meeting', 'letter', 'media', 'coalition', 'research', 'other'] as const;
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ObjectiveInput = z.object({
  text: z.string().trim().min(3).max(1000),
  /** The decision-maker the objective aims to move, if one. */
  targetPersonId: Uuid.nullable().default(null),
});
export type ObjectiveInput = z.infer<typeof ObjectiveInput>;

export const ActionInput = z.object({
  kind: z.enum(ACTION_KINDS),
  title: z.string().trim().min(3).max(300),
  /** A member of staff; reminded by e-mail when the activity is overdue. */
  ownerUserId: Uuid.nullable().default(null),
  dueOn: IsoDate,
  objectiveId: Uuid.nullable().default(null),
});
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionStatusInput = z.object({ status: z.enum(ACTION_STATUSES), note: z.string().trim().max(2000).default('') });

export const PlannedAction = z.object({
  id: Uuid,
  issueId: Uuid,
  issueTitle: z.string(),
  kind: z.enum(ACTION_KINDS),
  title: z.string(),
  owner: z.object({ id: Uuid, name: z.string() }).nullable(),
  dueOn: z.iso.date(),
  status: z.enum(ACTION_STATUSES),
  doneOn: z.iso.date().nullable(),
  overdue: z.boolean(),
  objectiveId: Uuid.nullable(),
});
export type PlannedAction = z.infer<typeof PlannedAction>;

export const ActionPlan = z.object({
  objectives: z.array(z.object({ id: Uuid, text: z.string(), target: z.object({ id: Uuid, name: z.string() }).nullable() })),
  actions: z.array(PlannedAction),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

/** The columns the activities sort by: when due, their title, their status, their issue. */
export const ACTION_SORTS = ['due', 'title', 'status', 'issue'] as const;
// `1`/`0` too: API integrations write switches either way; anything else is refused (not read as true).
const Switch = z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');
export const ActionFilter = z.object({
  /** `true`: planned or under way past their day (on the organisation's calendar). */
  overdue: Switch,
  /** `true`: those the person asking owns. */
  mine: Switch,
  status: z.enum(ACTION_STATUSES).optional(),
  kind: z.enum(ACTION_KINDS).optional(),
  /** The activities of one issue (its action plan). */
  issueId: Uuid.optional(),
  sort: SortParam(ACTION_SORTS, 'due'),
});
export type ActionFilter = z.infer<typeof ActionFilter>;
export const ActionQuery = PageQuery.extend(ActionFilter.shape);
export type ActionQuery = z.infer<typeof ActionQuery>;
