/** One problem with one input field, in the shape the web forms show. */
export interface FieldError {
  /** Dotted path of the field, e.g. `regions.0`. */
  path: string;
  /** Stable code: a zod issue code or a domain code such as `orgs.branch_cycle`. */
  code: string;
  /** The message in the request's language. */
  message: string;
}

/**
 * A failure the user can understand and act on. Services throw these with a
 * stable code; the error handler turns them into RFC 9457 problem+json with
 * the status from the catalogue and a translated message. Never match on the
 * message text: it changes with the language.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: Array<Omit<FieldError, 'message'> & { params?: Record<string, string | number>; message?: string }> = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** A single invalid field, for rules zod cannot see (they need the database). */
export function fieldError(path: string, code: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('validation_failed', {}, [{ path, code, params }]);
}
