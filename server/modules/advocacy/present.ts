import type { AdvocacyDocument, AdvocacyEvent, AdvocacyIssue, Evidence, PpdStep, StepScore } from '../../../contracts/advocacy.js';
import type { Stakeholder } from '../../../contracts/decision-makers.js';
import type { PaperStatus, PaperSummary } from '../../../contracts/position-papers.js';
import type { IssueRow } from './issue-row.js';
import type { advocacyEvents, advocacyEvidence, advocacyStakeholders, advocacyStepScores, positionPapers } from './tables.js';

// How the API shows this module's rows; the services gather what a row alone does not hold.

/** An advocacy issue, with the firms behind it, its priority score (both computed by the database) and its yearly cost, read beside it. */
export function presentAdvocacyIssue(r: IssueRow, beside: { firms: number; score: number; yearlyCost: number }): AdvocacyIssue {
  return {
    id: r.id, title: r.title, category: r.category as AdvocacyIssue['category'], sectors: r.sectors, regions: r.regions,
    step: r.step as PpdStep, outcome: r.outcome as AdvocacyIssue['outcome'], published: r.published,
    priority: { score: beside.score, firms: beside.firms, severity: r.severity, feasibility: r.feasibility },
    yearlyCost: beside.yearlyCost,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** A step of an issue's history. */
export function presentAdvocacyEvent(e: typeof advocacyEvents.$inferSelect): AdvocacyEvent {
  return { at: e.at.toISOString(), actor: e.actorName, action: e.action, from: e.fromValue, to: e.toValue, note: e.note };
}

/** A document of an issue, without its bytes. */
export function presentDocument(r: Omit<AdvocacyDocument, 'createdAt'> & { createdAt: Date }): AdvocacyDocument {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

export function presentPaperSummary(r: typeof positionPapers.$inferSelect): PaperSummary {
  return {
    id: r.id, issueId: r.issueId, title: r.title, status: r.status as PaperStatus, latestVersion: r.latestVersion,
    approvedVersion: r.approvedVersion, published: r.published, updatedAt: r.updatedAt.toISOString(),
  };
}

/** The score an issue holds at one step (the latest given). */
export function presentStepScore(r: typeof advocacyStepScores.$inferSelect): StepScore {
  return { step: r.step as PpdStep, score: r.score, note: r.note, at: r.at.toISOString(), actor: r.actorName };
}

/** A decision-maker where they stand on an issue, with their current posts. */
export function presentStakeholder(s: typeof advocacyStakeholders.$inferSelect, beside: { name: string; honorificPrefix: string; posts: string[] }): Stakeholder {
  return {
    person: { id: s.personId, name: beside.name, honorificPrefix: beside.honorificPrefix }, posts: beside.posts,
    stance: s.stance, influence: s.influence, note: s.note, updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * A piece of an issue's evidence with the figures read now: a member issue's
 * (or null, gone or unseen), else a consultation question's (or null).
 */
export function presentEvidence(r: typeof advocacyEvidence.$inferSelect, beside: { memberIssue: Evidence['memberIssue'] } | { question: Evidence['question'] }): Evidence {
  const base = { id: r.id, note: r.note, addedAt: r.addedAt.toISOString() };
  return 'memberIssue' in beside
    ? { ...base, kind: 'member_issue', memberIssue: beside.memberIssue, question: null }
    : { ...base, kind: 'survey_question', memberIssue: null, question: beside.question };
}
