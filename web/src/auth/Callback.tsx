import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Loading, usePageTitle } from '../components/govuk';
import { appConfig } from './config';
import { completeOidcSignIn } from './oidc';
import { session } from './session';

/** The identity provider sends the user back here with a code; the token replaces it. */
export function Callback() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  usePageTitle(error ? 'Sign-in did not complete' : 'Signing in', Boolean(error));
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const config = await appConfig();
      if (!config.oidc) throw new Error('This hub does not sign in through an identity provider.');
      const { token, returnTo } = await completeOidcSignIn(config.oidc, new URL(window.location.href));
      if (cancelled) return;
      session.start(token);
      navigate(returnTo.replace(/^\/app/, '') || '/', { replace: true });
    })().catch((caught: unknown) => {
      if (cancelled) return;
      // The code and state are spent either way: keep them out of the address bar and history.
      window.history.replaceState(null, '', window.location.pathname);
      setError(caught instanceof Error ? caught.message : 'Something went wrong.');
    });
    return () => {
      cancelled = true;
    };
  }, [navigate]);
  return error ? (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sign-in did not complete</h1>
        <div className="govuk-inset-text" role="alert" data-testid="sign-in-error">{error}</div>
        <p className="govuk-body"><a className="govuk-link" href="/app/sign-in">Try signing in again</a></p>
      </div>
    </div>
  ) : (
    <Loading what="your sign-in" />
  );
}
