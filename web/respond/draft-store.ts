import type { Answers } from '../../contracts/surveys/check-answers.js';

/**
 * Answers are written to the phone first, then sent: a dropped connection,
 * a closed tab or a flat battery loses nothing typed. The copy on the phone
 * is removed once the answers are submitted. A page with no key (a preview)
 * keeps nothing. A submission made offline waits here for the connection.
 */
export interface LocalDraft {
  answers: Answers;
  resumeKey: string | null;
  savedAt: number;
  /** "Send" pressed without a connection: sent, with the same key, as soon as one returns (even after a reload). */
  pending?: PendingSubmission;
}

export interface PendingSubmission {
  answers: Answers;
  /** The server recognises a repeat by it and answers "sent" without a second response. */
  submissionKey: string;
}

/** A key for one submission; getRandomValues works on plain http too (a field office's address), randomUUID does not. */
export function newSubmissionKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const key = (token: string) => `rt-respond:${token}`;

export function readDraft(token: string | null): LocalDraft | null {
  if (token === null) return null;
  try {
    const raw = localStorage.getItem(key(token));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(token: string | null, draft: LocalDraft): void {
  if (token === null) return;
  try {
    localStorage.setItem(key(token), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the server copy is all there is.
  }
}

export function clearDraft(token: string | null): void {
  if (token === null) return;
  try {
    localStorage.removeItem(key(token));
  } catch {
    /* nothing to clear */
  }
}
