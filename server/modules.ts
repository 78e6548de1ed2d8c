import { registerErrors } from './platform/errors/catalogue.js';
import { advocacyErrors } from './modules/advocacy/errors.js';
import { dialogueErrors } from './modules/dialogue/errors.js';
import { intakeErrors } from './modules/intake/errors.js';
import { memberErrors } from './modules/members/errors.js';
import { orgErrors } from './modules/orgs/errors.js';
import { surveyErrors } from './modules/surveys/errors.js';

/**
 * What the modules hand to the platform, which imports none of them: their
 * error codes with HTTP status. Their routes are registered in app.ts, their
 * jobs in main.ts. The order of the modules (their floors) is written in
 * .dependency-cruiser.cjs.
 */
export const moduleErrors = [orgErrors, memberErrors, surveyErrors, intakeErrors, advocacyErrors, dialogueErrors];

export function registerModules() {
  for (const codes of moduleErrors) registerErrors(codes);
}
