import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, matchRoutes, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { ProblemAlert } from '../ui/ProblemAlert.js';
import { Loading } from '../ui/Loading.js';
import { lazyPage, page } from './lazy-page.js';
import { preloadHome } from '../features/home/home-choice.js';
import { useSession } from './session.js';

// The public pages and the member firms' first ones; every other route is in
// more-routes.tsx, fetched by the router the first time a path is not here.

const SignUpPage = page(() => import('../features/auth/SignUpPage.js'), 'SignUpPage');
const ForgotPasswordPage = page(() => import('../features/auth/ForgotPasswordPage.js'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('../features/auth/ResetPasswordPage.js'), 'ResetPasswordPage');
const InvitationPage = page(() => import('../features/auth/InvitationPage.js'), 'InvitationPage');
const ProfilePage = page(() => import('../features/auth/ProfilePage.js'), 'ProfilePage');
const HomePage = page(() => import('../features/home/HomePage.js'), 'HomePage');
const PortalPage = page(() => import('../features/members/PortalPage.js'), 'PortalPage');
const IssuesPage = page(() => import('../features/intake/IssuesPage.js'), 'IssuesPage');
const IssuePage = page(() => import('../features/intake/IssuePage.js'), 'IssuePage');

// The signed-in frame (navigation, menus) is a chunk of its own, so the
// pages before signing in do not download it; it is asked for alongside the session.
const loadShell = () => import('./Shell.js');
const Shell = lazy(async () => ({ default: (await loadShell()).Shell }));

// The address this document was loaded at (this module is read as the app starts).
const documentAddress = window.location.pathname + window.location.search;

/**
 * A page the server writes, left for by a full navigation: the sign-in page
 * (server/platform/auth/sign-in-page.ts) is light HTML the app does not draw.
 * A document loaded at that very address means no server page answered it,
 * and loading it again would only go round.
 */
function ServerPage({ to }: { to: string }) {
  const { t } = useTranslation();
  const here = to === documentAddress;
  useEffect(() => {
    if (!here) window.location.replace(to);
  }, [here, to]);
  // Not a spinner for ever: a link the person can follow (or see that the server did not answer).
  return here ? <Anchor href={to} m="md" display="block">{t('auth.signIn.title')}</Anchor> : <Loading />;
}

/** To the server's sign-in page by its one address (`/sign-in/` too), with what the link asked for. */
function SignInOnServer() {
  const { search } = useLocation();
  return <ServerPage to={`/sign-in${search}`} />;
}

/** The page chunk of a signed-in address among these routes (`handle.preload`), if it has one. */
function preloadPageAt(pathname: string) {
  const deepest = matchRoutes(routes, pathname)?.at(-1)?.route.handle as { preload?: () => void } | undefined;
  deepest?.preload?.();
}

function RequireSession() {
  // The frame, the page and (once the session says whose) the home are asked for together, not
  // one after the other as each renders: each step is a round trip on a slow phone.
  void loadShell();
  const location = useLocation();
  const [firstAddress] = useState(location.pathname);
  useEffect(() => preloadPageAt(firstAddress), [firstAddress]);
  const { data: session, isPending, error } = useSession();
  const queryClient = useQueryClient();
  // Once, for the first load at the home: a later session answer (a profile saved, another organisation) is not a first screen.
  const homePreloaded = useRef(false);
  useEffect(() => {
    if (!session || firstAddress !== '/' || homePreloaded.current) return;
    homePreloaded.current = true;
    preloadHome(session, queryClient);
  }, [session, firstAddress, queryClient]);
  if (isPending) return <Loading />;
  if (error) return <ProblemAlert error={error} />;
  if (!session) return <ServerPage to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} />;
  return (
    <Suspense fallback={<Loading />}>
      <Shell session={session} />
    </Suspense>
  );
}

const SIGNED_IN = 'signed-in';
const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInOnServer /> },
  { path: '/sign-up', element: lazyPage(<SignUpPage />) },
  { path: '/forgot-password', element: lazyPage(<ForgotPasswordPage />) },
  { path: '/reset-password/:token', element: lazyPage(<ResetPasswordPage />) },
  { path: '/invitation/:token', element: lazyPage(<InvitationPage />) },
  {
    id: SIGNED_IN,
    element: <RequireSession />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, element: lazyPage(<HomePage />), handle: { preload: HomePage.preload } },
      { path: 'profile', element: lazyPage(<ProfilePage />), handle: { preload: ProfilePage.preload } },
      { path: 'my-firm', element: lazyPage(<PortalPage />), handle: { preload: PortalPage.preload } },
      { path: 'issues', element: lazyPage(<IssuesPage />), handle: { preload: IssuesPage.preload } },
      { path: 'issues/:id', element: lazyPage(<IssuePage />), handle: { preload: IssuePage.preload } },
    ],
  },
];

let moreRoutesAdded = false;
const router = createBrowserRouter(routes, {
  // Called for a path these routes do not match (and for a path with
  // parameters, to look for a better match): the other routes are added
  // once, under the signed-in frame, with the catch-all that leads home.
  async patchRoutesOnNavigation({ path, patch, signal }) {
    if (moreRoutesAdded) return;
    const here = matchRoutes(routes, path);
    if (here && here.length > 0) return;
    const { moreRoutes } = await import('./more-routes.js');
    if (moreRoutesAdded || signal.aborted) return;
    patch(SIGNED_IN, moreRoutes);
    moreRoutesAdded = true;
  },
});

export function App() {
  return <RouterProvider router={router} />;
}
