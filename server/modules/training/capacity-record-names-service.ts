import { sql } from 'drizzle-orm';
import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { capacityAssessments } from './capacity-tables.js';

/** What the audit log calls a capacity self-assessment: its year. */
export const capacityRecordNames: RecordVocabulary = {
  names: { capacity_assessment: namesFrom(capacityAssessments, capacityAssessments.id, capacityAssessments.orgId, sql<string>`${capacityAssessments.year}::text`) },
};
