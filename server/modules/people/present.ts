import { ageBandAt, type AgeBand, type Person, type PersonSex } from '../../../contracts/people.js';
import type { people } from './tables.js';

export type PersonRow = typeof people.$inferSelect;

/** A person as lists and pages show them: firm and branch by name, the age band today. */
export function presentPerson(r: PersonRow, known: { firms: Map<string, string>; branches: Map<string, string>; counts: Map<string, number>; today: string }): Person {
  const ageBand = r.ageBand as AgeBand | null;
  return {
    id: r.id,
    name: r.name,
    sex: r.sex as PersonSex,
    birthYear: r.birthYear,
    ageBand,
    ageBandNow: ageBandAt({ birthYear: r.birthYear, ageBand }, known.today),
    phone: r.phone,
    email: r.email,
    member: r.memberId ? { id: r.memberId, name: known.firms.get(r.memberId) ?? '' } : null,
    branch: r.branchId ? { id: r.branchId, name: known.branches.get(r.branchId) ?? '' } : null,
    notes: r.notes,
    participations: known.counts.get(r.id) ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
