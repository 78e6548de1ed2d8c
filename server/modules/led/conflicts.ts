/**
 * Conflicts of interest between a call's reviewers and its applications. Pure: the service reads
 * the reviewers' e-mail addresses, the declarations and, through members' service, the contacts of
 * each partner firm.
 *
 * A reviewer is conflicted with an application when they declared it, or when they are a contact
 * of one of its partner firms (the lead's firm or a partner's, `member_ids` of the application).
 * A reviewer is known as a contact by e-mail: the panel are users of the organisation, the
 * contacts are people of member firms, and the address is what both records hold. Compared
 * without case and surrounding spaces, as sign-in compares it.
 */
import { conflictKey } from './selection.js';

export interface ConflictReviewer {
  id: string;
  email: string | null;
}

export interface ConflictApplication {
  id: string;
  memberIds: readonly string[];
}

export type ConflictCause = { kind: 'declared' } | { kind: 'contact'; memberId: string };

export const emailKey = (email: string) => email.trim().toLowerCase();

/** Every conflicted reviewer × application with its causes (a declaration first, then each firm). */
export function detectConflicts(
  reviewers: readonly ConflictReviewer[],
  applications: readonly ConflictApplication[],
  /** Member firm id → e-mail addresses of its contacts. */
  contactEmails: ReadonlyMap<string, readonly string[]>,
  declared: ReadonlySet<string>,
): Map<string, ConflictCause[]> {
  const firmsOfEmail = new Map<string, Set<string>>();
  for (const [memberId, emails] of contactEmails) {
    for (const e of emails) {
      if (!e.trim()) continue;
      const k = emailKey(e);
      firmsOfEmail.set(k, (firmsOfEmail.get(k) ?? new Set()).add(memberId));
    }
  }
  const out = new Map<string, ConflictCause[]>();
  for (const r of reviewers) {
    const firms = r.email?.trim() ? firmsOfEmail.get(emailKey(r.email)) : undefined;
    for (const a of applications) {
      const causes: ConflictCause[] = [];
      if (declared.has(conflictKey(r.id, a.id))) causes.push({ kind: 'declared' });
      for (const m of a.memberIds) if (firms?.has(m)) causes.push({ kind: 'contact', memberId: m });
      if (causes.length) out.set(conflictKey(r.id, a.id), causes);
    }
  }
  return out;
}
