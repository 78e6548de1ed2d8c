import { registerErrors } from './platform/errors/catalogue.js';
import { registerUndoableTask } from './platform/tasks/task-runner.js';
import { importCommitTask } from './modules/members/import/import-tasks.js';
import { advocacyErrors } from './modules/advocacy/errors.js';
import { dialogueErrors } from './modules/dialogue/errors.js';
import { intakeErrors } from './modules/intake/errors.js';
import { memberErrors } from './modules/members/errors.js';
import { orgErrors } from './modules/orgs/errors.js';
import { peopleErrors } from './modules/people/errors.js';
import { eventsErrors } from './modules/events/errors.js';
import { trainingErrors } from './modules/training/errors.js';
import { capacityErrors } from './modules/training/capacity-errors.js';
import { b2bErrors } from './modules/b2b/errors.js';
import { ledErrors } from './modules/led/errors.js';
import { networkingErrors } from './modules/networking/errors.js';
import { surveyErrors } from './modules/surveys/errors.js';
import { resultsErrors } from './modules/results/errors.js';
import type { RecordVocabulary } from './platform/audit/record-names.js';
import { orgRecordNames } from './modules/orgs/record-names-service.js';
import { memberRecordNames } from './modules/members/record-names-service.js';
import { surveyRecordNames } from './modules/surveys/record-names-service.js';
import { intakeRecordNames } from './modules/intake/record-names-service.js';
import { advocacyRecordNames } from './modules/advocacy/record-names-service.js';
import { dialogueRecordNames } from './modules/dialogue/record-names-service.js';
import { peopleRecordNames } from './modules/people/record-names-service.js';
import { eventRecordNames } from './modules/events/record-names-service.js';
import { trainingRecordNames } from './modules/training/record-names-service.js';
import { capacityRecordNames } from './modules/training/capacity-record-names-service.js';
import { b2bRecordNames } from './modules/b2b/record-names-service.js';
import { ledRecordNames } from './modules/led/record-names-service.js';
import { networkingRecordNames } from './modules/networking/record-names-service.js';
import { resultsRecordNames } from './modules/results/record-names-service.js';

/**
 * What the modules hand to the platform, which imports none of them: their
 * error codes with HTTP status, and the tasks to take back. Their routes are registered in app.ts, their
 * jobs in main.ts. The order of the modules (their floors) is written in
 * .dependency-cruiser.cjs.
 */
export const moduleErrors = [orgErrors, memberErrors, surveyErrors, intakeErrors, advocacyErrors, dialogueErrors, peopleErrors, eventsErrors, trainingErrors, capacityErrors, b2bErrors, ledErrors, networkingErrors, resultsErrors];

/** What each module calls its records, for the audit log to name them (platform/audit/record-names.ts). */
export const recordVocabularies: RecordVocabulary[] = [
  orgRecordNames, memberRecordNames, surveyRecordNames, intakeRecordNames, advocacyRecordNames, dialogueRecordNames, peopleRecordNames, eventRecordNames, trainingRecordNames, capacityRecordNames, b2bRecordNames, ledRecordNames, networkingRecordNames, resultsRecordNames,
];

/** Task kinds that commit as they go and must be taken back when their process is lost (platform/tasks). */
export const undoableTasks = [importCommitTask];

export function registerModules() {
  for (const codes of moduleErrors) registerErrors(codes);
  for (const kind of undoableTasks) registerUndoableTask(kind);
}
