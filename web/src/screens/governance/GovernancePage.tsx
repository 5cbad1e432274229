import type { ReactNode } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { usePageTitle } from '../../components/govuk';
import { AccessLogPage } from './AccessLogPage';
import { ActivityPage } from './ActivityPage';
import { AlertsPage } from './AlertsPage';
import { ChainPage } from './ChainPage';
import { DiffPage } from './DiffPage';
import { MatrixPage } from './MatrixPage';
import { PolicyPage } from './PolicyPage';
import { WhoHasSeenPage } from './WhoHasSeenPage';
import './governance.css';

const PARTS: { to: string; label: string }[] = [
  { to: '/governance', label: 'Agreement in force' },
  { to: '/governance/diff', label: 'Compare versions' },
  { to: '/governance/matrix', label: 'Access matrix' },
  { to: '/governance/access-log', label: 'Access log' },
  { to: '/governance/who-has-seen', label: 'Who has seen this person' },
  { to: '/governance/activity', label: 'User activity' },
  { to: '/governance/chain', label: 'Chain check' },
  { to: '/governance/alerts', label: 'Alerts' },
];

/** The console's own navigation between its parts; the current part is marked for screen readers too. */
function SubNavigation() {
  return (
    <nav className="app-gov-subnav" aria-label="Governance console">
      <ul className="app-gov-subnav__list">
        {PARTS.map((part) => (
          <li className="app-gov-subnav__item" key={part.to}>
            <NavLink to={part.to} end className={({ isActive }) => `govuk-link govuk-link--no-visited-state app-gov-subnav__link${isActive ? ' app-gov-subnav__link--active' : ''}`}>
              {part.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One part of the console: its heading under the console's caption. */
export function ConsolePart({ title, hasErrors = false, children }: { title: string; hasErrors?: boolean; children: ReactNode }) {
  usePageTitle(`${title} – Governance`, hasErrors);
  return (
    <>
      <span className="govuk-caption-l">Governance</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </>
  );
}

function UnknownPart() {
  return (
    <ConsolePart title="Page not found">
      <p className="govuk-body">The governance console has no such page. Use the links above.</p>
    </ConsolePart>
  );
}

/**
 * The governance console (/app/governance/...): the agreement in force and its versions, what a
 * change would do, who may see what, the access log, who has seen a person and each user's activity,
 * the log's chain and the alerts for review. It reads the public API only; only a subject access
 * request asks for a person's details, and only as typed by the reviewer.
 */
export function GovernancePage() {
  return (
    <>
      <SubNavigation />
      <Routes>
        <Route index element={<PolicyPage />} />
        <Route path="diff" element={<DiffPage />} />
        <Route path="matrix" element={<MatrixPage />} />
        <Route path="access-log" element={<AccessLogPage />} />
        <Route path="who-has-seen" element={<WhoHasSeenPage />} />
        <Route path="activity" element={<ActivityPage />} />
        <Route path="chain" element={<ChainPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="*" element={<UnknownPart />} />
      </Routes>
    </>
  );
}
