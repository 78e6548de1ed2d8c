import type { Answers } from '../../contracts/surveys/check-answers.js';

/**
 * Answers are written to the phone first, then sent: a dropped connection,
 * a closed tab or a flat battery loses nothing typed. The copy on the phone
 * is removed once the answers are submitted.
 */
export interface LocalDraft {
  answers: Answers;
  resumeKey: string | null;
  savedAt: number;
}

const key = (token: string) => `rt-respond:${token}`;

export function readDraft(token: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(token));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(token: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(key(token), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the server copy is all there is.
  }
}

export function clearDraft(token: string): void {
  try {
    localStorage.removeItem(key(token));
  } catch {
    /* nothing to clear */
  }
}
