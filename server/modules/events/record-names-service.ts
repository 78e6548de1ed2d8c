import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { eventRegistrations, events } from './tables.js';

/** What the audit log calls events and their registrations. */
export const eventRecordNames: RecordVocabulary = {
  names: {
    event: namesFrom(events, events.id, events.orgId, events.title),
    event_registration: namesFrom(eventRegistrations, eventRegistrations.id, eventRegistrations.orgId, eventRegistrations.name),
  },
  references: { eventId: 'event' },
};
