import { z } from 'zod';

/**
 * C0 control characters other than tab, newline and carriage return. PostgreSQL
 * refuses NUL in text and jsonb, and the others have no place in a record:
 * they break exports and mail. The server refuses them in every input
 * (platform/http/input-guard.ts); `Text` says so in a form too.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
export const hasControlCharacters = (s: string) => CONTROL_CHARACTERS.test(s);

const noControlCharacters = (s: string) => !hasControlCharacters(s);
const invalidCharacters = { params: { code: 'invalid_characters' } };
/** Free text typed by a person: at most `max` characters, no control characters. */
export function Text(max: number) {
  return z.string().max(max).refine(noControlCharacters, invalidCharacters);
}

/**
 * What the database columns hold: `integer` is 32-bit, and a `bigint` is read
 * back into a JavaScript number, exact only up to 2^53 - 1.
 */
export const INT_MAX = 2_147_483_647;
export const Int = z.number().int().min(-INT_MAX - 1).max(INT_MAX);
export const SafeInt = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
/** A version counter (optimistic locking, form and paper versions). */
export const Version = z.number().int().min(0).max(INT_MAX);

/**
 * Dates of this domain (a membership, a meeting, a payment) fall between
 * 1900 and 2999: year 0 and years past 9999 have no meaning here, and
 * PostgreSQL refuses year 0 outright.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2999-12-31';
// Ill-formed strings pass here: the format check beside this one reports them.
const inDateRange = (s: string) => !/^\d{4}-\d\d-\d\d/.test(s) || (s.slice(0, 10) >= DATE_MIN && s.slice(0, 10) <= DATE_MAX);
const dateRange = { params: { code: 'date_out_of_range', min: DATE_MIN, max: DATE_MAX } };
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date().refine(inDateRange, dateRange);
/** An instant, ISO 8601 with `Z` or an offset. */
export const IsoDateTime = z.iso.datetime({ offset: true }).refine((s) => {
  // An offset can move an instant across a year's end: compare it in UTC.
  const at = Date.parse(s);
  return Number.isNaN(at) || (at >= Date.parse(`${DATE_MIN}T00:00:00Z`) && at < Date.parse(`${DATE_MAX}T23:59:59.999Z`) + 1);
}, dateRange);

export const Email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
export const Password = z.string().min(10).max(200);
export const Uuid = z.uuid();
/** The `:id` of a route's path. */
export const IdParams = z.object({ id: Uuid });
/** A thing within another: `/…/:id/…/:childId`. */
export const ChildParams = z.object({ id: Uuid, childId: Uuid });
export const Name = z.string().trim().min(1).max(200).refine(noControlCharacters, invalidCharacters);

/** Cursor pagination: `cursor` is opaque, returned as `nextCursor` by the previous page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });

/**
 * A list's order: one of its sortable columns, `-` before it for descending
 * (`name`, `-created`). Each list declares its columns; rows tied on the
 * column keep a stable order by id, and the cursor carries the column.
 */
export function SortParam<const C extends readonly [string, ...string[]]>(columns: C, byDefault: SortValue<C[number]>) {
  const values = columns.flatMap((c) => [c, `-${c}`]) as [SortValue<C[number]>, ...Array<SortValue<C[number]>>];
  return z.enum(values).default(byDefault as never);
}
export type SortValue<C extends string> = C | `-${C}`;

/** The file formats a list downloads in: `<list path>/export.csv`, `…/export.xlsx`, with the list's own filters and order. */
export { TABLE_FORMATS, type TableFormat } from './table-formats.js';
