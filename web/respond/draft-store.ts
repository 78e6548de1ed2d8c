import type { Answers } from '../../contracts/surveys/check-answers.js';

/**
 * Answers are written to the phone first, then sent: a dropped connection,
 * a closed tab or a flat battery loses nothing typed. The copy on the phone
 * is removed once the answers are submitted. A page with no key (a preview)
 * keeps nothing.
 */
export interface LocalDraft {
  answers: Answers;
  resumeKey: string | null;
  savedAt: number;
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
