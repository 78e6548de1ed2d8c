import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../contracts/auth.js';
import { can } from '../../contracts/permissions.js';
import { clearCopies } from '../features/events/check-in-store.js';
import { api, ApiError, setCsrfToken } from './api.js';
import { setOrgClock } from './format.js';
import { i18n } from './i18n.js';

export const SESSION_KEY = ['session'];

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api<SessionInfo>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    setOrgClock(session.org);
    if (session.user.locale !== i18n.language) await i18n.changeLanguage(session.user.locale);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) return null;
    throw error;
  }
}

/** Moves the session to another of the person's organisations. */
export const switchOrg = (orgId: string) => api<SessionInfo>('/api/v1/auth/switch-org', { method: 'POST', body: { orgId } });
/** Saves the person's name and language; answers with the session as it now stands. */
export const updateProfile = (values: { name: string; locale: string }) => api<SessionInfo>('/api/v1/auth/profile', { method: 'PUT', body: values });

export const sessionQuery = { queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 };

export function useSession() {
  return useQuery(sessionQuery);
}

/** Stores a session answer (sign-in, switch, profile) and refetches everything else. */
export function useAcceptSession() {
  const queryClient = useQueryClient();
  return async (session: SessionInfo | null) => {
    setOrgClock(session?.org ?? null);
    if (session) {
      setCsrfToken(session.csrfToken);
      if (session.user.locale !== i18n.language) await i18n.changeLanguage(session.user.locale);
    }
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, session);
  };
}

export function useCan() {
  const { data } = useSession();
  return (permission: string) => can(data?.org?.role, permission);
}

export function useSignOut() {
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: () => api('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      // The door's copies of check-in lists hold names and ticket codes: they go with the session.
      clearCopies();
      return accept(null);
    },
  });
}
