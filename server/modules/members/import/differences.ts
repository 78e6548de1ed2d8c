import { MERGEABLE_FIELDS, type FieldValue, type ImportReport } from '../../../../contracts/member-import.js';
import type { members } from '../tables.js';

type Difference = ImportReport['duplicates'][number]['candidates'][number]['differences'][number];

const asValue = (v: unknown): FieldValue => (v === undefined || v === '' ? null : (v as FieldValue));

/**
 * Every field where the file says something the registry does not: empty in
 * the registry (a gap the file fills) or different (a conflict the person
 * decides). Only the columns the file maps are compared, so a field the file
 * does not have is never taken for a difference. The status is listed but
 * never merged: it changes through the membership steps, with their invoice.
 */
/** A checked row of the file (check-import.ts's CheckedRow): its values and the fields the file maps. */
export function differencesFrom(existing: typeof members.$inferSelect, row: { values: object; mapped: string[] }): Difference[] {
  const out: Difference[] = [];
  for (const field of [...MERGEABLE_FIELDS, 'status'] as const) {
    if (!row.mapped.includes(field)) continue;
    const file = asValue((row.values as Record<string, unknown>)[field]);
    const registry = asValue((existing as Record<string, unknown>)[field]);
    if (file === null || file === registry) continue;
    out.push({ field, registry, file });
  }
  return out;
}
