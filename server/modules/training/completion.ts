/**
 * The completion rule of a course: a participant completes it by attending
 * at least `requiredShare` per cent of its sessions (cancelled ones not
 * counted). Integer arithmetic: 4 of 5 sessions is exactly 80 %, and a
 * course without sessions is completed by nobody.
 */
export function completionOf(attended: number, sessions: number, requiredShare: number): { share: number; completed: boolean } {
  if (sessions <= 0) return { share: 0, completed: false };
  const held = Math.min(attended, sessions);
  return { share: Math.floor((held * 100) / sessions), completed: held * 100 >= requiredShare * sessions };
}
