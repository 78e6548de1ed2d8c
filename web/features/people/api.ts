import type { z } from 'zod';
import type { MatchQuery, NewPersonInput, Person, PersonDetail, PersonInput, PersonMatch, UniqueCount } from '../../../contracts/people.js';
import { api, withQuery } from '../../app/api.js';

export const peopleReachedPath = '/api/v1/people-reached';

export const peopleReachedKeys = {
  all: ['people-reached'] as const,
  list: ['people-reached', 'list'] as const,
  one: (id: string) => ['people-reached', 'one', id] as const,
  matches: (query: Partial<MatchQuery>) => ['people-reached', 'matches', query] as const,
  summary: ['people-reached', 'summary'] as const,
  /** The people a search offers as the other record of a merge. */
  pick: (q: string) => ['people-reached', 'list', 'pick', q] as const,
};

export const fetchPersonReached = (id: string) => api<PersonDetail>(`${peopleReachedPath}/${id}`);
export const fetchSummary = () => api<UniqueCount>(`${peopleReachedPath}/summary`);
/** Who the person being typed in may already be: asked before saving. */
export const fetchMatches = (query: Partial<MatchQuery>) =>
  api<{ items: PersonMatch[] }>(withQuery(`${peopleReachedPath}/matches`, { ...query }));
export const pickPeopleReached = (q: string) => api<{ items: Person[] }>(withQuery(peopleReachedPath, { q: q || undefined, limit: 20 }));

export const createPersonReached = (input: z.input<typeof NewPersonInput>) => api<PersonDetail>(peopleReachedPath, { method: 'POST', body: input });
export const updatePersonReached = (id: string, input: z.input<typeof PersonInput>) => api<PersonDetail>(`${peopleReachedPath}/${id}`, { method: 'PUT', body: input });
/** Merges `otherId` into `id`; answers with the person as they now stand. */
export const mergePeopleReached = (id: string, otherId: string) => api<PersonDetail>(`${peopleReachedPath}/${id}/merge`, { method: 'POST', body: { otherId } });

/** The form's values: text fields as typed, the birth year as text until sent. */
export interface PersonFormValues {
  name: string;
  sex: PersonInput['sex'];
  birthYear: string;
  ageBand: PersonInput['ageBand'];
  phone: string;
  email: string;
  memberId: string | null;
  memberName: string | null;
  branchId: string | null;
  notes: string;
}

export const emptyPersonForm = (): PersonFormValues => ({ name: '', sex: 'not_stated', birthYear: '', ageBand: null, phone: '', email: '', memberId: null, memberName: null, branchId: null, notes: '' });

export const formOf = (p: PersonDetail): PersonFormValues => ({
  name: p.name, sex: p.sex, birthYear: p.birthYear === null ? '' : String(p.birthYear), ageBand: p.ageBand, phone: p.phone, email: p.email,
  memberId: p.member?.id ?? null, memberName: p.member?.name ?? null, branchId: p.branch?.id ?? null, notes: p.notes,
});

/** What is sent: a birth year that is not a number goes as typed, for the server to refuse with its message. */
export function inputOf(v: PersonFormValues): z.input<typeof PersonInput> {
  const year = v.birthYear.trim();
  return {
    name: v.name, sex: v.sex, birthYear: year ? (/^\d+$/.test(year) ? Number(year) : (year as unknown as number)) : null,
    ageBand: year ? null : v.ageBand, phone: v.phone, email: v.email, memberId: v.memberId, branchId: v.branchId, notes: v.notes,
  };
}
