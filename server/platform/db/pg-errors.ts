// drizzle wraps driver errors; the PostgreSQL fields sit on the error or its cause.
function pgFields(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint?: string; cause?: unknown };
  if (e?.code) return e;
  if (e?.cause) return pgFields(e.cause);
  return {};
}

/** True when PostgreSQL refused a write because of the named constraint. */
export function isConstraintViolation(error: unknown, constraint: string): boolean {
  const f = pgFields(error);
  return typeof f.code === 'string' && f.code.startsWith('23') && f.constraint === constraint;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const f = pgFields(error);
  return f.code === '23505' && (!constraint || f.constraint === constraint);
}
