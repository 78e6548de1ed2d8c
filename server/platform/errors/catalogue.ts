import { authErrors } from '../auth/errors.js';
import { memberErrors } from '../../modules/members/errors.js';
import { orgErrors } from '../../modules/orgs/errors.js';
import { surveyErrors } from '../../modules/surveys/errors.js';
import { intakeErrors } from '../../modules/intake/errors.js';
import { advocacyErrors } from '../../modules/advocacy/errors.js';
import { dialogueErrors } from '../../modules/dialogue/errors.js';

// Codes every part of the app may throw, with their HTTP status. Each module
// adds its own table; a code missing here is a bug caught by the i18n test.
export const platformErrors = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  // A unique key of the database refused the value (a tier or view name taken).
  already_exists: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  bad_url: 400,
  bad_multipart: 400,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  // Uploaded spreadsheets (platform/files), whichever module reads them.
  'file.unreadable': 400,
  'file.too_large': 413,
  'file.too_many_columns': 400,
  'file.too_many_rows': 400,
  'file.empty': 400,
  // Long work people start and follow (platform/tasks).
  'tasks.already_finished': 409,
  'tasks.interrupted': 503,
  'tasks.already_running': 409,
  'tasks.busy': 503,
} as const;

export const errorStatus: Record<string, number> = {
  ...platformErrors,
  ...authErrors,
  ...orgErrors,
  ...memberErrors,
  ...surveyErrors,
  ...intakeErrors,
  ...advocacyErrors,
  ...dialogueErrors,
};

export function statusOf(code: string): number {
  return errorStatus[code] ?? 500;
}
