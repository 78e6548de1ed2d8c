import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The tab a page shows, kept in the address (`?tab=measures`) so that reload,
 * back and a shared link open the same tab; the first tab has no parameter.
 * Changing tab replaces the address entry and leaves the other tab's list
 * parameters behind, which would mean nothing in this one.
 */
export function useTabParam(first: string) {
  const [params, setParams] = useSearchParams();
  const onChange = useCallback((tab: string | null) => setParams(tab && tab !== first ? { tab } : {}, { replace: true }), [first, setParams]);
  return { value: params.get('tab') ?? first, onChange };
}
