import type { IssueStatus } from '../../../contracts/intake.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';

/**
 * The rules of triage, apart from storage. A merged issue is closed for good:
 * its firms and its history live on in the issue it was merged into. A
 * declined issue must say why, because the members who raised it read it.
 */
export function checkStatusChange(from: IssueStatus, to: Exclude<IssueStatus, 'merged'>, note: string) {
  if (from === 'merged') throw new AppError('intake.issue_merged');
  if (to === 'declined' && !note.trim()) throw fieldError('note', 'intake.note_required');
  return from !== to;
}

export function checkMerge(source: { id: string; status: IssueStatus }, target: { id: string; status: IssueStatus }) {
  if (source.id === target.id) throw new AppError('intake.merge_into_self');
  if (source.status === 'merged' || target.status === 'merged') throw new AppError('intake.issue_merged');
}
