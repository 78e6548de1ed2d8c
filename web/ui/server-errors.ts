import { ApiError } from '../app/api.js';

/** Puts the server's per-field messages on the form; returns whether any field matched. */
export function applyServerErrors(form: { setErrors(errors: Record<string, string>): void }, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
  form.setErrors(error.fieldErrors);
  return true;
}
