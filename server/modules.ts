import { registerErrors } from './platform/errors/catalogue.js';
import { registerUndoableTask } from './platform/tasks/task-runner.js';
import { importCommitTask } from './modules/members/import/import-tasks.js';
import { advocacyErrors } from './modules/advocacy/errors.js';
import { dialogueErrors } from './modules/dialogue/errors.js';
import { intakeErrors } from './modules/intake/errors.js';
import { memberErrors } from './modules/members/errors.js';
import { orgErrors } from './modules/orgs/errors.js';
import { peopleErrors } from './modules/people/errors.js';
import { surveyErrors } from './modules/surveys/errors.js';
import { resultsErrors } from './modules/results/errors.js';

/**
 * What the modules hand to the platform, which imports none of them: their
 * error codes with HTTP status, and the tasks to take back. Their routes are registered in app.ts, their
 * jobs in main.ts. The order of the modules (their floors) is written in
 * .dependency-cruiser.cjs.
 */
export const moduleErrors = [orgErrors, memberErrors, surveyErrors, intakeErrors, advocacyErrors, dialogueErrors, peopleErrors, resultsErrors];

/** Task kinds that commit as they go and must be taken back when their process is lost (platform/tasks). */
export const undoableTasks = [importCommitTask];

export function registerModules() {
  for (const codes of moduleErrors) registerErrors(codes);
  for (const kind of undoableTasks) registerUndoableTask(kind);
}
