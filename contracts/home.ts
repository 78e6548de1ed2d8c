import { z } from 'zod';
import { PPD_STEPS } from './advocacy.js';
import { Uuid } from './common.js';
import { Decision, MeetingSummary } from './dialogue.js';
import { FirmEvent } from './events.js';
import { MemberIssue } from './intake.js';
import { Invoice, MemberStatus } from './members.js';

/**
 * The home page of each role: what is asked of the person, what happened to
 * what they started, what comes next. Each item names the record it links to.
 */

/** A consultation a firm was invited to answer, and how far its answer is. */
export const FirmConsultation = z.object({
  id: Uuid,
  title: z.string(),
  closesOn: z.iso.date().nullable(),
  answer: z.enum(['none', 'draft', 'submitted']),
});
export type FirmConsultation = z.infer<typeof FirmConsultation>;

export const MemberHome = z.object({
  firm: z.object({ id: Uuid, legalName: z.string(), status: MemberStatus, joinedOn: z.string().nullable(), renewalDueOn: z.string().nullable() }),
  /** Open consultations the firm has not submitted an answer to. */
  consultations: z.array(FirmConsultation),
  /** How many consultations the firm answered (all time). */
  answered: z.number().int(),
  /** Invoices with money still owed. */
  invoicesDue: z.array(Invoice),
  /** Issues the firm raised or shares, most recently changed first. */
  issues: z.array(MemberIssue),
  /** Coming events: those its people are registered or waiting for, then a few it may register for. */
  events: z.array(FirmEvent),
});
export type MemberHome = z.infer<typeof MemberHome>;

/** An agenda item of a coming meeting, with the published position papers behind it. */
export const AgendaPaper = z.object({
  meeting: z.object({ id: Uuid, title: z.string(), startsAt: z.iso.datetime(), forumName: z.string() }),
  item: z.object({ id: Uuid, title: z.string(), notes: z.string() }),
  papers: z.array(z.object({ id: Uuid, title: z.string() })),
});
export type AgendaPaper = z.infer<typeof AgendaPaper>;

export const OfficialHome = z.object({
  meetings: z.array(MeetingSummary),
  /** Open decisions whose owner names the person, their seat or their institution. */
  owed: z.array(Decision),
  /** Other open decisions of the person's forums. */
  openInForums: z.array(Decision),
  /** What coming meetings will discuss. */
  agenda: z.array(AgendaPaper),
});
export type OfficialHome = z.infer<typeof OfficialHome>;

/** One month of the organisation's figures (YYYY-MM, on its calendar). */
export const FigureMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  newMembers: z.number().int(),
  answers: z.number().int(),
  meetings: z.number().int(),
  decisionsDone: z.number().int(),
  reforms: z.number().int(),
});
export type FigureMonth = z.infer<typeof FigureMonth>;

export const BoardHome = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  activeMembers: z.number().int(),
  months: z.array(FigureMonth),
  /** Advocacy issues still open, by the step of dialogue they are at. */
  issuesByStep: z.array(z.object({ step: z.enum(PPD_STEPS), count: z.number().int() })),
  /** Yearly saving claimed for firms by the reforms won in the period (minor units). */
  yearlySaving: z.number().int(),
  openDecisions: z.number().int(),
  overdueDecisions: z.number().int(),
});
export type BoardHome = z.infer<typeof BoardHome>;
