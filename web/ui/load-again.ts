/**
 * A module fetched on demand, fetched again after a failure: without a
 * connection the fetch fails (the door's phone, a train), and the next call
 * tries again instead of keeping that failure for the rest of the visit. A
 * fetch that worked is kept.
 */
export function loadAgainAfterFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
