import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorPanel, Loading, usePageTitle } from '../components/govuk';
import { appConfig } from './config';
import { completeOidcSignIn } from './oidc';
import { session } from './session';

/** The identity provider sends the user back here with a code; the token replaces it. */
export function Callback() {
  usePageTitle('Signing in');
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const config = await appConfig();
      if (!config.oidc) throw new Error('This hub does not sign in through an identity provider.');
      const { token, returnTo } = await completeOidcSignIn(config.oidc, new URL(window.location.href));
      if (cancelled) return;
      session.start(token);
      navigate(returnTo.replace(/^\/app/, '') || '/', { replace: true });
    })().catch((caught) => !cancelled && setError(caught));
    return () => {
      cancelled = true;
    };
  }, [navigate]);
  return error ? (
    <>
      <h1 className="govuk-heading-l">Sign-in did not complete</h1>
      <ApiErrorPanel error={error} />
      <p className="govuk-body"><a className="govuk-link" href="/app/sign-in">Try signing in again</a></p>
    </>
  ) : (
    <Loading what="your sign-in" />
  );
}
