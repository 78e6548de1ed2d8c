import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { ledBoundaries } from './boundary-tables.js';
import { ledApplications, ledCalls } from './call-tables.js';
import { ledBottlenecks, ledInterviews, ledMeasures, ledRegions } from './tables.js';

/** What the audit log calls LED regions, bottlenecks and measures (team, figures and matrix cells are written on their region). */
export const ledRecordNames: RecordVocabulary = {
  names: {
    led_region: namesFrom(ledRegions, ledRegions.id, ledRegions.orgId, ledRegions.name),
    led_bottleneck: namesFrom(ledBottlenecks, ledBottlenecks.id, ledBottlenecks.orgId, ledBottlenecks.title),
    led_measure: namesFrom(ledMeasures, ledMeasures.id, ledMeasures.orgId, ledMeasures.title),
    led_call: namesFrom(ledCalls, ledCalls.id, ledCalls.orgId, ledCalls.title),
    // An application by its lead partner's e-mail: a partner's fresh draft has no title or name yet.
    led_application: namesFrom(ledApplications, ledApplications.id, ledApplications.orgId, ledApplications.leadEmail),
    led_interview: namesFrom(ledInterviews, ledInterviews.id, ledInterviews.orgId, ledInterviews.interviewee),
    // The map's boundary file, by its file name (issue 17.9).
    led_boundary: namesFrom(ledBoundaries, ledBoundaries.id, ledBoundaries.orgId, ledBoundaries.fileName),
  },
  references: { regionId: 'led_region', bottleneckId: 'led_bottleneck', interviewId: 'led_interview', callId: 'led_call' },
  // A person recorded on a measure is a person of the people module.
  referencesOf: { led_measure: { personId: 'person_reached' } },
};
