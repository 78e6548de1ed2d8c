import type { QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../../contracts/auth.js';
import { can } from '../../../contracts/permissions.js';
import { fetchMemberHome, homeKeys } from './api.js';

/**
 * Which home a person sees, chosen by what they may do (never by the role's
 * name): a member firm's, an official's, the board's figures, or the staff's
 * work with the organisation at a glance. A person with no organisation signs
 * in for a donor (or is told that the account is not a donor's).
 */
export type HomeKind = 'donor' | 'member' | 'official' | 'board' | 'work';

export function homeKind(session: SessionInfo): HomeKind {
  const role = session.org?.role;
  if (!session.org) return 'donor';
  if (can(role, 'members.self')) return 'member';
  if (can(role, 'dialogue.own_forums_only')) return 'official';
  if (!can(role, 'home.work')) return 'board';
  return 'work';
}

// Each home is a chunk of its own: a member firm's phone does not download the
// staff's lists, charts and audit log (issue 14).
export const loadHome = {
  donor: async () => (await import('../results/DashboardPages.js')).DonorDashboardPage,
  member: async () => (await import('./MemberHome.js')).MemberHome,
  official: async () => (await import('./OfficialHome.js')).OfficialHome,
  board: async () => (await import('./StaffHome.js')).BoardHome,
  work: async () => (await import('./StaffHome.js')).WorkHome,
} satisfies Record<HomeKind, () => Promise<unknown>>;

/**
 * Asked for as soon as the session is known, rather than one after the other
 * as each lazy part renders (the page, then the person's home, then its data):
 * on a slow phone each step is a round trip, about a second of the member's
 * first screen on 3G. The member's home data is the one query fetched ahead (its
 * fetcher is a kilobyte of the first download, not a chunk of its own to wait for).
 */
export function preloadHome(session: SessionInfo, queryClient: QueryClient) {
  const kind = homeKind(session);
  void loadHome[kind]().catch(() => undefined);
  if (kind === 'member') {
    void queryClient.prefetchQuery({ queryKey: homeKeys.member, queryFn: fetchMemberHome });
  }
}
