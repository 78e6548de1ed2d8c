import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../ui/Loading.js';

/** A page of the app, fetched when first shown (the build fetches its messages beside it: scripts/catalogue-parts.ts). */
export const page = (load: () => Promise<Record<string, unknown>>, name: string) =>
  lazy(async () => ({ default: (await load())[name] as React.ComponentType }));

/** A route's element: the page, with a loader while its code arrives. */
export const lazyPage = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
