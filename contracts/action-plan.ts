import { z } from 'zod';
import { IsoDate, Uuid } from './common.js';

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

export const ActionQuery = z.object({ overdue: z.coerce.boolean().optional(), mine: z.coerce.boolean().optional() });
