/**
 * The completion rule of a course: a participant completes it by attending
 * at least `requiredShare` per cent of its sessions (cancelled ones not
 * counted) and, when the course asks for one, by scoring at least
 * `minScore` on its post-test. Integer arithmetic for attendance: 4 of 5
 * sessions is exactly 80 %, and a course without sessions is completed by
 * nobody. A post-test not taken does not meet a score rule.
 */
export function completionOf(
  attended: number,
  sessions: number,
  requiredShare: number,
  score: { minScore: number | null; postScore: number | null } = { minScore: null, postScore: null },
): { share: number; completed: boolean } {
  if (sessions <= 0) return { share: 0, completed: false };
  const held = Math.min(attended, sessions);
  const attendanceMet = held * 100 >= requiredShare * sessions;
  return { share: Math.floor((held * 100) / sessions), completed: attendanceMet && scoreMeets(score.minScore, score.postScore) };
}

/** Whether a post-test score meets a course's least score (no rule: met). */
export function scoreMeets(minScore: number | null, postScore: number | null): boolean {
  return minScore === null || (postScore !== null && postScore >= minScore);
}
