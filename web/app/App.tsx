import { lazy, Suspense } from 'react';
import { createBrowserRouter, matchRoutes, Navigate, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { ProblemAlert } from '../ui/ProblemAlert.js';
import { Loading } from '../ui/Loading.js';
import { lazyPage, page } from './lazy-page.js';
import { useSession } from './session.js';

// The public pages and the member firms' first ones; every other route is in
// more-routes.tsx, fetched by the router the first time a path is not here.

const SignInPage = page(() => import('../features/auth/SignInPage.js'), 'SignInPage');
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
// sign-in page does not download it; it is asked for alongside the session.
const loadShell = () => import('./Shell.js');
const Shell = lazy(async () => ({ default: (await loadShell()).Shell }));

function RequireSession() {
  void loadShell();
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ProblemAlert error={error} />;
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Suspense fallback={<Loading />}>
      <Shell session={session} />
    </Suspense>
  );
}

const SIGNED_IN = 'signed-in';
const routes: RouteObject[] = [
  { path: '/sign-in', element: lazyPage(<SignInPage />) },
  { path: '/sign-up', element: lazyPage(<SignUpPage />) },
  { path: '/forgot-password', element: lazyPage(<ForgotPasswordPage />) },
  { path: '/reset-password/:token', element: lazyPage(<ResetPasswordPage />) },
  { path: '/invitation/:token', element: lazyPage(<InvitationPage />) },
  {
    id: SIGNED_IN,
    element: <RequireSession />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, element: lazyPage(<HomePage />) },
      { path: 'profile', element: lazyPage(<ProfilePage />) },
      { path: 'my-firm', element: lazyPage(<PortalPage />) },
      { path: 'issues', element: lazyPage(<IssuesPage />) },
      { path: 'issues/:id', element: lazyPage(<IssuePage />) },
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
