import { authErrors } from '../auth/errors.js';

// Codes every part of the app may throw, with their HTTP status. Each module
// registers its own table (`registerErrors`, from server/modules.ts); a code
// without a message is a bug caught by the i18n test.
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
  // Uploaded photos (platform/files/photo.ts), whichever module keeps them.
  'photo.not_an_image': 415,
  'photo.too_large': 413,
  'photo.too_many_pixels': 413,
  'photo.unreadable': 400,
  // Long work people start and follow (platform/tasks).
  'tasks.already_finished': 409,
  'tasks.interrupted': 503,
  'tasks.already_running': 409,
  'tasks.busy': 503,
  // The session's organisation is gone (platform/tenants).
  'orgs.not_found': 404,
} as const;

const errorStatus = new Map<string, number>(Object.entries({ ...platformErrors, ...authErrors }));

/** A module's codes with their HTTP status; the platform imports no module, so each adds its own. */
export function registerErrors(codes: Record<string, number>) {
  for (const [code, status] of Object.entries(codes)) {
    const known = errorStatus.get(code);
    if (known !== undefined && known !== status) throw new Error(`Error code ${code} registered with ${known} and ${status}`);
    errorStatus.set(code, status);
  }
}

/** Every code registered so far. */
export function errorCodes(): string[] {
  return [...errorStatus.keys()];
}

export function statusOf(code: string): number {
  return errorStatus.get(code) ?? 500;
}
