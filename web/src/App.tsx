import type { ReactNode } from 'react';
import { Navigate, createBrowserRouter, useLocation } from 'react-router';
import { Callback } from './auth/Callback';
import { SignIn } from './auth/SignIn';
import { hasRole } from './auth/session';
import { Layout, useSessionUser } from './layout/Layout';
import { CasePage } from './screens/case/CasePage';
import { GovernancePage } from './screens/governance/GovernancePage';
import { QueuePage } from './screens/queue/QueuePage';
import { ReferralPage } from './screens/referral/ReferralPage';

/** Screens behind sign-in: without a session, to the sign-in page and back here afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const user = useSessionUser();
  const location = useLocation();
  if (!user) return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(`/app${location.pathname}${location.search}`)}`} replace />;
  return <>{children}</>;
}

/** The first screen for the user's role. */
function Home() {
  const user = useSessionUser();
  if (!user) return <Navigate to="/sign-in" replace />;
  if (hasRole(user, 'mash-triage', 'mash-manager')) return <Navigate to="/queue" replace />;
  if (hasRole(user, 'governance')) return <Navigate to="/governance" replace />;
  return (
    <>
      <h1 className="govuk-heading-l">No screens for your role</h1>
      <p className="govuk-body">Your account has no role these screens serve (triage, manager or governance). Ask your MASH manager if you need one.</p>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
    </>
  );
}

export const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      children: [
        { index: true, element: <Home /> },
        { path: 'sign-in', element: <SignIn /> },
        { path: 'callback', element: <Callback /> },
        { path: 'queue', element: <SignedIn><QueuePage /></SignedIn> },
        { path: 'cases/:id', element: <SignedIn><CasePage /></SignedIn> },
        { path: 'referrals/new', element: <SignedIn><ReferralPage /></SignedIn> },
        { path: 'governance/*', element: <SignedIn><GovernancePage /></SignedIn> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/app' },
);
