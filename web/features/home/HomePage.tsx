import { lazy } from 'react';
import { useCan, useSession } from '../../app/session.js';

// Each home is a chunk of its own: a member firm's phone does not download the
// staff's lists, charts and audit log (issue 14). The route's Suspense shows
// the loader meanwhile.
const MemberHome = lazy(async () => ({ default: (await import('./MemberHome.js')).MemberHome }));
const OfficialHome = lazy(async () => ({ default: (await import('./OfficialHome.js')).OfficialHome }));
const BoardHome = lazy(async () => ({ default: (await import('./StaffHome.js')).BoardHome }));
const WorkHome = lazy(async () => ({ default: (await import('./StaffHome.js')).WorkHome }));
const DonorHome = lazy(async () => ({ default: (await import('../results/DashboardPages.js')).DonorDashboardPage }));

/**
 * Each role's home, chosen by what the person may do (never by the role's
 * name): a member firm's, an official's, the board's figures, or the staff's
 * work with the organisation at a glance. A person with no organisation signs
 * in for a donor (or is told that the account is not a donor's).
 */
export function HomePage() {
  const can = useCan();
  const { data: session } = useSession();
  if (session && !session.org) return <DonorHome />;
  if (can('members.self')) return <MemberHome />;
  if (can('dialogue.own_forums_only')) return <OfficialHome />;
  if (!can('home.work')) return <BoardHome />;
  return <WorkHome />;
}
