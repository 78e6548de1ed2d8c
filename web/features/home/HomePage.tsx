import { lazy } from 'react';
import { useSession } from '../../app/session.js';
import { homeKind, loadHome } from './home-choice.js';

// The route's Suspense shows the loader while a home's chunk arrives.
const HOMES = {
  donor: lazy(async () => ({ default: await loadHome.donor() })),
  member: lazy(async () => ({ default: await loadHome.member() })),
  official: lazy(async () => ({ default: await loadHome.official() })),
  board: lazy(async () => ({ default: await loadHome.board() })),
  work: lazy(async () => ({ default: await loadHome.work() })),
};

/** Each person's home (home-choice.ts says whose is which). */
export function HomePage() {
  const { data: session } = useSession();
  if (!session) return null;
  const Home = HOMES[homeKind(session)];
  return <Home />;
}
