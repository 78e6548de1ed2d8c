import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { activeFilterCount } from './filters.js';
import { listQuery, readListParams, writeListParams, type ListValues } from './list-params.js';

/**
 * A list's filters, search and order kept in the address: the controls show
 * `values` at once; `query` (for the API and the export) follows 300 ms
 * behind, so typing does not send a request per key. Typing a text replaces
 * the address entry, choosing an option or an order adds one, so back
 * returns to the list as it was chosen, not letter by letter.
 * A list that sorts has `sort` among its defaults; `typed` names the texts typed in (the search).
 */
export function useListParams<F extends ListValues>(defaults: F, typed: Array<keyof F & string> = ['q']) {
  const [search, setSearch] = useSearchParams();
  // Defaults are constants of the page; their JSON keeps memos steady when a page writes them inline.
  const defaultsKey = JSON.stringify(defaults);
  const blank = useMemo(() => JSON.parse(defaultsKey) as F, [defaultsKey]);
  const typedKey = typed.join(',');
  const typedKeys = useMemo(() => typedKey.split(','), [typedKey]);
  const values = useMemo(() => readListParams(search, blank), [search, blank]);
  const serial = useMemo(() => new URLSearchParams(Object.entries(listQuery(values, blank)).filter((e): e is [string, string] => e[1] !== undefined)).toString(), [values, blank]);
  const [debounced] = useDebouncedValue(serial, 300);
  const query = useMemo(() => Object.fromEntries(new URLSearchParams(debounced)) as Record<string, string | undefined>, [debounced]);

  const set = useCallback(
    <K extends keyof F & string>(key: K, value: F[K]) => {
      setSearch((current) => writeListParams(current, { ...readListParams(current, blank), [key]: value }, blank), { replace: typedKeys.includes(key) });
    },
    [blank, setSearch, typedKeys],
  );
  /** Shows a stored query (a saved view): its values, the rest at their defaults. */
  const apply = useCallback(
    (stored: Record<string, unknown>) => {
      const given = new URLSearchParams(Object.entries(stored).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : Array.isArray(v) ? [[k, v.join(',')]] : typeof v === 'boolean' ? [[k, String(v)]] : [])));
      setSearch((current) => writeListParams(current, readListParams(given, blank), blank));
    },
    [blank, setSearch],
  );
  const reset = useCallback(() => setSearch((current) => writeListParams(current, blank, blank)), [blank, setSearch]);
  const setSort = useCallback((sort: string) => setSearch((current) => writeListParams(current, { ...readListParams(current, blank), sort }, blank)), [blank, setSearch]);

  return {
    values,
    set,
    reset,
    apply,
    /** The debounced API query: filters and order. */
    query,
    /** For `DataTable`'s sortable headers. */
    sort: typeof values.sort === 'string' ? { value: values.sort, onChange: setSort } : undefined,
    /** How many filters are set (the order and the search not counted as filters only when asked). */
    activeFilters: activeFilterCount(values, blank, ['sort'] as Array<keyof F>),
  };
}
