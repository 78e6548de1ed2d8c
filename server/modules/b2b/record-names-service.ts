import { sql } from 'drizzle-orm';
import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { b2bRequests } from './tables.js';

/** What the audit log calls B2B records: a request by its message (or its number); settings, profiles and agendas are on the event and its registrations. */
export const b2bRecordNames: RecordVocabulary = {
  names: { b2b_request: namesFrom(b2bRequests, b2bRequests.id, b2bRequests.orgId, sql<string>`coalesce(nullif(left(${b2bRequests.message}, 60), ''), left(${b2bRequests.id}::text, 8))`) },
  references: { fromRegistrationId: 'event_registration', toRegistrationId: 'event_registration' },
};
