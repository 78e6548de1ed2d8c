/**
 * A list's filters, search and order as they sit in the page's address, so
 * reload, back and a shared link show the same list. Pure: the hook
 * `useListParams` reads and writes the address with these.
 *
 * A value is a text (search, a chosen option, the order), a set of options
 * (a multi-select, comma-separated in the address) or a switch (`true` when on).
 */
export type ListValue = string | string[] | boolean;
export type ListValues = Record<string, ListValue>;

function readOne<V extends ListValue>(raw: string | null, blank: V): V {
  if (raw === null) return blank;
  if (Array.isArray(blank)) return raw.split(',').filter(Boolean) as V;
  if (typeof blank === 'boolean') return (raw === 'true') as V;
  return raw as V;
}

/** The values the address holds, each missing one at its default. */
export function readListParams<F extends ListValues>(search: URLSearchParams, defaults: F): F {
  const out: ListValues = {};
  for (const key of Object.keys(defaults)) out[key] = readOne(search.get(key), defaults[key]!);
  return out as F;
}

function isDefault(value: ListValue, blank: ListValue) {
  if (Array.isArray(value)) return Array.isArray(blank) && value.length === blank.length && value.every((v, i) => v === blank[i]);
  if (typeof value === 'string') return value.trim() === (typeof blank === 'string' ? blank : '');
  return value === blank;
}

function written(value: ListValue): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return String(value);
  return value.trim();
}

/**
 * The address after a change: the list's keys set where they differ from
 * their default and removed where they do not; other keys (a tab) kept.
 */
export function writeListParams<F extends ListValues>(current: URLSearchParams, values: F, defaults: F): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of Object.keys(defaults)) {
    const value = values[key]!;
    if (isDefault(value, defaults[key]!)) next.delete(key);
    else next.set(key, written(value));
  }
  return next;
}

/** The values as an API query (defaults included: a default may filter): arrays comma-separated, a switch `true` when on, nothing for what is empty. */
export function listQuery<F extends ListValues>(values: F, defaults: F): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(defaults)) {
    const value = values[key]!;
    out[key] = value === false ? undefined : written(value) || undefined;
  }
  return out;
}

/** The order after a click on a column's header: that column ascending, or reversed when it is already the order. */
export function nextSort(current: string, column: string, firstDescending = false): string {
  if (current === column) return `-${column}`;
  if (current === `-${column}`) return column;
  return firstDescending ? `-${column}` : column;
}

/** How a column is sorted now, for `aria-sort`. */
export function sortState(current: string, column: string): 'ascending' | 'descending' | 'none' {
  return current === column ? 'ascending' : current === `-${column}` ? 'descending' : 'none';
}
