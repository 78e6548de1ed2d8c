// drizzle wraps driver errors; the PostgreSQL fields sit on the error or its cause.
function pgFields(error: unknown): { code?: string; constraint?: string; table?: string } {
  const e = error as { code?: string; constraint?: string; table?: string; cause?: unknown };
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

/**
 * The input field a unique key refused, read from the constraint's name: keys
 * are named `<table>_<field>_key` (`membership_tiers_name_key` → `name`).
 * Undefined when the error is not a unique violation.
 */
export function uniqueViolationField(error: unknown): { field: string | null } | undefined {
  const f = pgFields(error);
  if (f.code !== '23505') return undefined;
  const name = f.constraint ?? '';
  const rest = f.table && name.startsWith(`${f.table}_`) ? name.slice(f.table.length + 1) : name;
  const column = rest.replace(/_(key|uniq|unique|uq|idx)$/, '');
  if (!column || column === name || column === 'pkey') return { field: null };
  return { field: column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) };
}
