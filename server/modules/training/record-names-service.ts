import { namesFrom, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { trainingCourses } from './tables.js';

/** What the audit log calls training records: every change is on its course. */
export const trainingRecordNames: RecordVocabulary = {
  names: { training_course: namesFrom(trainingCourses, trainingCourses.id, trainingCourses.orgId, trainingCourses.title) },
  references: { courseId: 'training_course', personId: 'person_reached' },
};
