import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../app/api.js';

/** A cursor-paged list with "load more": all pages fetched so far, flattened. */
export function useCursorPages<T>(key: readonly unknown[], path: string, params: Record<string, string | undefined> = {}, limit = 50) {
  const query = useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam }) => api<{ items: T[]; nextCursor: string | null }>(withQuery(path, { ...params, limit, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}
