import type { AffectedFirm, IssueStatus, MemberIssue, MemberIssueEvent } from '../../../contracts/intake.js';
import type { memberIssueEvents, memberIssues } from './tables.js';

// How the API shows this module's rows; the service gathers what a row alone does not hold.

/** A member issue, with what the service read beside it (who raised it, its breakdown, whether it affects the reader's firm). */
export function presentMemberIssue(
  r: typeof memberIssues.$inferSelect,
  beside: { mergedIntoTitle: string | null; raisedBy: string | null; raisedById: string | null; affectsUs: boolean; breakdown: MemberIssue['breakdown'] },
): MemberIssue {
  return {
    id: r.id, title: r.title, description: r.description, category: r.category as MemberIssue['category'], status: r.status as IssueStatus,
    responseNote: r.responseNote,
    mergedInto: r.mergedIntoId ? { id: r.mergedIntoId, title: beside.mergedIntoTitle ?? '' } : null,
    raisedBy: beside.raisedBy,
    raisedById: beside.raisedById,
    affectedFirms: r.affectedFirms, affectsUs: beside.affectsUs, breakdown: beside.breakdown,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** A step of an issue's history: members see the steps, not who among the staff took them, nor staff notes. */
export function presentIssueEvent(e: typeof memberIssueEvents.$inferSelect, staff: boolean): MemberIssueEvent {
  return { at: e.at.toISOString(), actor: staff ? e.actorName : '', action: e.action as MemberIssueEvent['action'], fromStatus: e.fromStatus, toStatus: e.toStatus, note: staff || e.action === 'status' ? e.note : '' };
}

/** A firm an issue affects, as staff see it, with how and when it was added. */
export function presentAffectedFirm(f: Omit<AffectedFirm, 'memberId' | 'addedAt'> & { id: string; addedAt: Date }): AffectedFirm {
  return { memberId: f.id, name: f.name, sector: f.sector, region: f.region, size: f.size, addedAt: f.addedAt.toISOString(), via: f.via, note: f.note };
}
