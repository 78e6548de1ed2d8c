/**
 * How urgently an advocacy issue deserves the organisation's effort, 0–100:
 * 40 for reach (firms affected, on a log scale that is full at 100 firms,
 * since a chamber's issues range from a handful of firms to hundreds), 35
 * for severity and 25 for feasibility (each 1–5). Reach weighs most because
 * a chamber speaks for its members; feasibility least, because hard reforms
 * are often the ones worth the fight.
 */
export const FULL_REACH_FIRMS = 100;

export function priorityScore({ firms, severity, feasibility }: { firms: number; severity: number; feasibility: number }): number {
  const reach = Math.min(1, Math.log1p(Math.max(0, firms)) / Math.log1p(FULL_REACH_FIRMS));
  const scaled = (level: number) => (Math.min(5, Math.max(1, level)) - 1) / 4;
  return Math.round(40 * reach + 35 * scaled(severity) + 25 * scaled(feasibility));
}
