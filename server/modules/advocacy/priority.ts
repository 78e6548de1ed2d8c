import { sql } from 'drizzle-orm';
import { advocacyEvidence, advocacyIssues } from './tables.js';

/**
 * How urgently an advocacy issue deserves the organisation's effort, 0–100:
 * 40 for reach (firms affected, on a log scale that is full at 100 firms,
 * since a chamber's issues range from a handful of firms to hundreds), 35
 * for severity and 25 for feasibility (each 1–5). Reach weighs most because
 * a chamber speaks for its members; feasibility least, because hard reforms
 * are often the ones worth the fight.
 *
 * Computed by the database (`advocacy_priority`, migration 0046), so the list
 * is sorted and paged by it there; these are the expressions a select of
 * `advocacy_issues` reads it with.
 */

/** Firms behind an issue: distinct firms across the member issues it is built on, counted by intake's `member_issues_firms`. */
// Written out with the table's name: drizzle leaves a column of the selected table unqualified, which inside the subquery would name the evidence's own.
export const firmsBehind = sql<number>`member_issues_firms(advocacy_issues.org_id, ARRAY(SELECT e.member_issue_id FROM ${advocacyEvidence} e WHERE e.org_id = advocacy_issues.org_id AND e.issue_id = advocacy_issues.id AND e.member_issue_id IS NOT NULL))`;

/** The issue's priority score. */
export const priorityScore = sql<number>`advocacy_priority(${firmsBehind}, ${advocacyIssues.severity}, ${advocacyIssues.feasibility})`;
