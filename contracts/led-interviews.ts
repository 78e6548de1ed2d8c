import { z } from 'zod';
import { IsoDate, Name, PageQuery, SortParam, Text, Uuid } from './common.js';
import { BOTTLENECK_KINDS, LedSector } from './led.js';
import { Answers, SubmissionKey } from './surveys.js';

/**
 * LED interviews coded to bottlenecks (issue 17.4): a region's interviews,
 * conducted with an interview guide of the form engine, and the evidence
 * (interview answers, survey answers, member issues) coded to a bottleneck.
 */

export const LedInterviewInput = z.object({
  /** A published form of purpose `interview`: its latest version is the one asked. */
  formId: Uuid,
  interviewee: Name,
  sector: LedSector,
  organisation: Text(200).trim().default(''),
  interviewedOn: IsoDate,
});
export type LedInterviewInput = z.infer<typeof LedInterviewInput>;

export const INTERVIEW_STATUSES = ['draft', 'submitted'] as const;

/** The columns a region's interviews sort by: the day (newest first by default), the interviewee. */
export const INTERVIEW_SORTS = ['interviewed', 'interviewee'] as const;
export const LedInterviewQuery = PageQuery.extend({ sort: SortParam(INTERVIEW_SORTS, '-interviewed') });
export type LedInterviewQuery = z.infer<typeof LedInterviewQuery>;

export const LedInterview = z.object({
  id: Uuid,
  regionId: Uuid,
  formId: Uuid,
  formVersion: z.number(),
  formTitle: z.string(),
  interviewee: z.string(),
  sector: LedSector,
  organisation: z.string(),
  interviewedOn: z.string(),
  conductedBy: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  submittedAt: z.string().nullable(),
  /** How many of its answers are coded to a bottleneck (an answer coded twice counts twice). */
  codes: z.number(),
});
export type LedInterview = z.infer<typeof LedInterview>;

export const CodedTo = z.object({ codeId: Uuid, bottleneckId: Uuid, title: z.string(), kind: z.enum(BOTTLENECK_KINDS) });
export type CodedTo = z.infer<typeof CodedTo>;

/** An answer of an interview, in the form's order, with the bottlenecks it is coded to. */
export const InterviewAnswer = z.object({ question: z.string(), label: z.string(), text: z.string(), codedTo: z.array(CodedTo) });
export type InterviewAnswer = z.infer<typeof InterviewAnswer>;

export const LedInterviewDetail = LedInterview.extend({ regionName: z.string(), answers: z.array(InterviewAnswer) });
export type LedInterviewDetail = z.infer<typeof LedInterviewDetail>;

/** A submission from the respondent page, with the key that recognises it when sent again (a draft stays on the phone). */
export const InterviewAnswersInput = z.object({ answers: Answers, submissionKey: SubmissionKey });

export const CODE_SOURCES = ['interview', 'survey', 'member_issue'] as const;
export type CodeSource = (typeof CODE_SOURCES)[number];
const Question = z.string().min(1).max(64);
const Note = Text(2000).trim().default('');

/** What is coded to a bottleneck: an interview's answer, a submitted survey response's answer, a member issue. */
export const BottleneckCodeInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('interview'), interviewId: Uuid, question: Question, note: Note }),
  z.object({ source: z.literal('survey'), responseId: Uuid, question: Question, note: Note }),
  z.object({ source: z.literal('member_issue'), memberIssueId: Uuid, note: Note }),
]);
export type BottleneckCodeInput = z.infer<typeof BottleneckCodeInput>;

export const InterviewEvidence = z.object({
  codeId: Uuid, interviewId: Uuid, interviewee: z.string(), organisation: z.string(), sector: LedSector, interviewedOn: z.string(),
  question: z.string(), label: z.string(), text: z.string(), note: z.string(),
});
export const SurveyEvidence = z.object({
  codeId: Uuid, responseId: Uuid, consultationId: Uuid, consultationTitle: z.string(), firmName: z.string().nullable(), submittedAt: z.string().nullable(),
  question: z.string(), label: z.string(), text: z.string(), note: z.string(),
});
export const MemberIssueEvidence = z.object({
  codeId: Uuid, memberIssueId: Uuid, title: z.string(), status: z.string(), affectedFirms: z.number(), note: z.string(),
});

/** A bottleneck with the evidence behind it, each piece linking back to its source. */
export const BottleneckEvidence = z.object({
  id: Uuid,
  regionId: Uuid,
  regionName: z.string(),
  title: z.string(),
  kind: z.enum(BOTTLENECK_KINDS),
  description: z.string(),
  factor: z.string(),
  evidence: z.string(),
  advocacyIssueId: Uuid.nullable(),
  interviews: z.array(InterviewEvidence),
  surveys: z.array(SurveyEvidence),
  memberIssues: z.array(MemberIssueEvidence),
  counts: z.object({ interviews: z.number(), surveys: z.number(), memberIssues: z.number(), total: z.number() }),
});
export type BottleneckEvidence = z.infer<typeof BottleneckEvidence>;

/** A submitted response's answers, for choosing one to code (the consultation's page of text answers lists only text). */
export const ResponseAnswers = z.object({
  responseId: Uuid, consultationId: Uuid, consultationTitle: z.string(), firmName: z.string().nullable(),
  answers: z.array(z.object({ question: z.string(), label: z.string(), text: z.string() })),
});
export type ResponseAnswers = z.infer<typeof ResponseAnswers>;
