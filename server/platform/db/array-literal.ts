/**
 * A PostgreSQL array literal (`{"a","b"}`) to send as ONE parameter and cast
 * (`${arrayLiteral(ids)}::uuid[]`): a JavaScript array in drizzle's `sql`
 * becomes one parameter per element, which unnest() of several parallel
 * arrays cannot take. Every element is quoted and escaped.
 */
export function arrayLiteral(values: ReadonlyArray<string | number>): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
