import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorPanel, Loading, usePageTitle } from '../components/govuk';
import { appConfig } from './config';
import { appPath, startOidcSignIn } from './oidc';

const ROLE_TEXT: Record<string, string> = {
  'mash-triage': 'Triage officer: works the queue, rates cases and looks at agency information for RED and AMBER cases',
  'mash-manager': 'MASH manager: assigns and confirms ratings, sees the queue and the policy',
  governance: 'Governance lead: reviews the policy, the access log and alerts; never sees agency information',
  'agency-admin': "Agency administrator: reads their own agency's disclosure log",
};

export function SignIn() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const returnTo = appPath(params.get('returnTo'));
  const config = useQuery({ queryKey: ['app-config'], queryFn: appConfig, staleTime: Infinity });
  const expired = sessionStorage.getItem('mash.expired') === '1';
  // The provider unreachable, or its discovery document wrong: said here, not swallowed.
  const [oidcError, setOidcError] = useState<unknown>(null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sign in</h1>
        {expired ? (
          <div className="govuk-inset-text">Your session ended (it expired or was refused by the hub). Sign in again to carry on.</div>
        ) : null}
        {params.get('signed-out') ? <div className="govuk-inset-text">You have signed out.</div> : null}
        {config.isPending ? <Loading what="sign-in settings" /> : null}
        {config.isError ? <ApiErrorPanel error={config.error} retry={() => config.refetch()} /> : null}
        {config.data?.mode === 'oidc' && config.data.oidc ? (
          <>
            <p className="govuk-body">Sign in with your organisation's account.</p>
            <button
              type="button"
              className="govuk-button govuk-button--start"
              onClick={() => {
                sessionStorage.removeItem('mash.expired');
                setOidcError(null);
                startOidcSignIn(config.data!.oidc!, returnTo).catch(setOidcError);
              }}
            >
              Sign in with your organisation
            </button>
            {oidcError ? <ApiErrorPanel error={oidcError} /> : null}
          </>
        ) : null}
        {config.data?.mode === 'none' ? (
          <div className="govuk-inset-text">
            Sign-in is not configured on this hub. Its administrators set MASH_OIDC_ISSUER and MASH_OIDC_CLIENT_ID to the organisation's identity provider.
          </div>
        ) : null}
        {config.data?.mode === 'demo' ? (
          <>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Demo mode: choose a role to try the hub with made-up people. A real deployment signs in through the organisation's identity provider.
              </strong>
            </div>
            <ul className="govuk-list">
              {config.data.roles.map((role) => (
                <li key={role}>
                  <a
                    className="govuk-link"
                    href={`/app/dev-login?role=${encodeURIComponent(role)}&returnTo=${encodeURIComponent(returnTo)}`}
                    onClick={() => sessionStorage.removeItem('mash.expired')}
                  >
                    Sign in as {role}
                  </a>
                  <p className="govuk-body-s govuk-!-margin-bottom-3">{ROLE_TEXT[role] ?? ''}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
