import { useSyncExternalStore, type ReactNode } from 'react';
import { Link, Outlet, useMatch } from 'react-router';
import { appConfig } from '../auth/config';
import { oidcSignOutUrl } from '../auth/oidc';
import { hasRole, session, type SessionUser } from '../auth/session';

/** The signed-in user, re-read whenever the session changes (sign in, out, or expiry). */
export function useSessionUser(): SessionUser | null {
  const token = useSyncExternalStore(session.subscribe.bind(session), () => session.token());
  return token ? session.user() : null;
}

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  const active = useMatch({ path: to, end: false }) !== null;
  return (
    <li className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
      <Link className="govuk-service-navigation__link" to={to} aria-current={active ? 'page' : undefined}>
        {active ? <strong className="govuk-service-navigation__active-fallback">{children}</strong> : children}
      </Link>
    </li>
  );
}

/**
 * Ends the hub session and, when users sign in through a provider that offers it, the provider's
 * session too; always with a fresh page load, so nothing read while signed in stays in memory.
 */
async function signOut(): Promise<void> {
  session.end();
  const config = await appConfig().catch(() => null);
  const provider = config?.mode === 'oidc' && config.oidc ? await oidcSignOutUrl(config.oidc) : null;
  window.location.replace(provider ?? '/app/sign-in?signed-out=1');
}

/** GOV.UK page template: skip link, header, service navigation by role, main, footer. */
export function Layout() {
  const user = useSessionUser();
  const triage = hasRole(user, 'mash-triage', 'mash-manager');
  const governance = hasRole(user, 'governance', 'mash-manager');
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
      {/* The generic header: GOV.UK Frontend's for services that are not on GOV.UK (no crown, no GDS Transport). */}
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">MASH</Link>
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">Multi-agency information sharing</Link>
            </span>
            {user ? (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {triage ? <NavItem to="/queue">Triage queue</NavItem> : null}
                  {triage ? <NavItem to="/referrals/new">New referral</NavItem> : null}
                  {governance ? <NavItem to="/governance">Governance</NavItem> : null}
                  <li className="govuk-service-navigation__item">
                    <button
                      type="button"
                      className="govuk-service-navigation__link app-link-button"
                      onClick={() => void signOut()}
                    >
                      Sign out
                    </button>
                  </li>
                </ul>
              </nav>
            ) : null}
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        {user ? (
          <p className="govuk-body-s govuk-!-margin-top-3 govuk-!-margin-bottom-0" data-testid="signed-in-as">
            Signed in as {user.name ?? user.id} ({user.roles.join(', ') || 'no hub role'}){user.organisation ? `, ${user.organisation}` : ''}
          </p>
        ) : null}
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">
                Every look at agency information is decided against the information-sharing agreement and recorded in the hub's access log.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
