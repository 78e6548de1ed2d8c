import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { people } from './tables.js';

/** What the audit log calls the people reached. */
export const peopleRecordNames: RecordVocabulary = {
  names: { person_reached: namesFrom(people, people.id, people.orgId, people.name) },
  references: { into: 'person_reached' },
};
