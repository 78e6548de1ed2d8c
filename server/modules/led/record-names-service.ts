import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { ledBottlenecks, ledMeasures, ledRegions } from './tables.js';

/** What the audit log calls LED regions, bottlenecks and measures (team, figures and matrix cells are written on their region). */
export const ledRecordNames: RecordVocabulary = {
  names: {
    led_region: namesFrom(ledRegions, ledRegions.id, ledRegions.orgId, ledRegions.name),
    led_bottleneck: namesFrom(ledBottlenecks, ledBottlenecks.id, ledBottlenecks.orgId, ledBottlenecks.title),
    led_measure: namesFrom(ledMeasures, ledMeasures.id, ledMeasures.orgId, ledMeasures.title),
  },
  references: { regionId: 'led_region', bottleneckId: 'led_bottleneck' },
  // A person recorded on a measure is a person of the people module.
  referencesOf: { led_measure: { personId: 'person_reached' } },
};
