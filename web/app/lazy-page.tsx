import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../ui/Loading.js';

/**
 * A page of the app, fetched when first shown (the build fetches its messages beside it:
 * scripts/catalogue-parts.ts), or earlier through its `preload` (the browser loads a module once).
 */
export const page = (load: () => Promise<Record<string, unknown>>, name: string) =>
  Object.assign(
    lazy(async () => ({ default: (await load())[name] as React.ComponentType })),
    { preload: () => void load().catch(() => undefined) },
  );

/** A route's element: the page, with a loader while its code arrives. */
export const lazyPage = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
