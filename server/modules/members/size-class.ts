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

export function totalEmployees(female: number | null | undefined, male: number | null | undefined): number | null {
  if (female == null && male == null) return null;
  return (female ?? 0) + (male ?? 0);
}
