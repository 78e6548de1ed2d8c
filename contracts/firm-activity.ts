import { z } from 'zod';
import { Uuid } from './common.js';
import { MemberIssue } from './intake.js';
import { RESPONSE_CHANNELS } from './surveys.js';

/** A consultation a firm answered or began to answer. */
export const FirmAnswer = z.object({
  consultationId: Uuid,
  consultation: z.string(),
  status: z.enum(['draft', 'submitted']),
  channel: z.enum(RESPONSE_CHANNELS),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type FirmAnswer = z.infer<typeof FirmAnswer>;

/**
 * What a member firm did and what came of it, from the modules above members
 * (server/app.ts hands them over): its answers to consultations and the issues
 * it raised or shares. Events and trainings join here as their modules come.
 */
export const FirmActivity = z.object({
  answers: z.array(FirmAnswer),
  issues: z.array(MemberIssue),
});
export type FirmActivity = z.infer<typeof FirmActivity>;
