import { sql, type SQL, type Column } from 'drizzle-orm';
import type { SizeClass } from '../../../contracts/members.js';

export interface SizeThresholds {
  microMaxEmployees: number;
  smallMaxEmployees: number;
  mediumMaxEmployees: number;
  microMaxTurnover: number | null;
  smallMaxTurnover: number | null;
  mediumMaxTurnover: number | null;
}

export const DEFAULT_THRESHOLDS: SizeThresholds = {
  microMaxEmployees: 9,
  smallMaxEmployees: 49,
  mediumMaxEmployees: 249,
  microMaxTurnover: null,
  smallMaxTurnover: null,
  mediumMaxTurnover: null,
};

/**
 * The size class from employees and turnover: the smallest class whose
 * employee ceiling and (where the organisation set one) turnover ceiling
 * both hold. Unknown when neither figure is known.
 */
export function sizeClassOf(t: SizeThresholds, employees: number | null, turnover: number | null): SizeClass | null {
  if (employees === null && turnover === null) return null;
  const turnoverCeilings = [t.microMaxTurnover, t.smallMaxTurnover, t.mediumMaxTurnover].some((x) => x !== null);
  // Turnover alone classifies only where the organisation set turnover ceilings.
  if (employees === null && !turnoverCeilings) return null;
  const classes: Array<[SizeClass, number, number | null]> = [
    ['micro', t.microMaxEmployees, t.microMaxTurnover],
    ['small', t.smallMaxEmployees, t.smallMaxTurnover],
    ['medium', t.mediumMaxEmployees, t.mediumMaxTurnover],
  ];
  for (const [name, maxEmployees, maxTurnover] of classes) {
    const employeesFit = employees === null || employees <= maxEmployees;
    const turnoverFits = turnover === null || maxTurnover === null || turnover <= maxTurnover;
    if (employeesFit && turnoverFits) return name;
  }
  return 'large';
}

/**
 * `sizeClassOf` as an SQL expression over a firm's columns, so a change of
 * thresholds reclassifies every firm in one statement. The two must agree:
 * members.db.test.ts compares them over a grid of firms and thresholds.
 */
export function sizeClassSql(t: SizeThresholds, female: Column | SQL, male: Column | SQL, turnover: Column | SQL): SQL {
  const employees = sql`(CASE WHEN ${female} IS NULL AND ${male} IS NULL THEN NULL ELSE coalesce(${female}, 0) + coalesce(${male}, 0) END)`;
  const turnoverCeilings = [t.microMaxTurnover, t.smallMaxTurnover, t.mediumMaxTurnover].some((x) => x !== null);
  const fits = (maxEmployees: number, maxTurnover: number | null) =>
    maxTurnover === null
      ? sql`(${employees} IS NULL OR ${employees} <= ${maxEmployees}::int)`
      : sql`(${employees} IS NULL OR ${employees} <= ${maxEmployees}::int) AND (${turnover} IS NULL OR ${turnover} <= ${maxTurnover}::bigint)`;
  const unknown = turnoverCeilings ? sql`${employees} IS NULL AND ${turnover} IS NULL` : sql`${employees} IS NULL`;
  return sql`(CASE WHEN ${unknown} THEN NULL
    WHEN ${fits(t.microMaxEmployees, t.microMaxTurnover)} THEN 'micro'
    WHEN ${fits(t.smallMaxEmployees, t.smallMaxTurnover)} THEN 'small'
    WHEN ${fits(t.mediumMaxEmployees, t.mediumMaxTurnover)} THEN 'medium'
    ELSE 'large' END)`;
}

export function totalEmployees(female: number | null | undefined, male: number | null | undefined): number | null {
  if (female == null && male == null) return null;
  return (female ?? 0) + (male ?? 0);
}
