import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { Loading } from '../../components/govuk';
import { formatDate, formatDateTime, humanise } from '../../components/format';
import { graphql } from '../../gql';
import { ConsolePart } from './GovernancePage';
import { VERSIONS, VERSIONS_KEY } from './queries';
import { Id, QueryFailure, StatusTag } from './shared';

const IN_FORCE = graphql(`
  query GovernancePolicyInForce {
    isaPolicy {
      version status title effectiveFrom document documentHash
      proposedBy proposedAt reason activatedBy activatedAt activationReason
      approvals { approver at reason }
      approversNeeded approversHave widening
    }
  }
`);

interface Entry {
  id: string;
  effect?: string;
  description: string;
  levels?: string[];
}

/** The rules and field-access entries of a policy document, in its own order (the first matching rule decides). */
function entriesOf(document: string): { rules: Entry[]; fieldAccess: Entry[] } | null {
  try {
    const parsed = JSON.parse(document) as { rules?: unknown; classificationAccess?: unknown };
    const list = (value: unknown): Entry[] =>
      (Array.isArray(value) ? value : []).map((item: Record<string, unknown>) => ({
        id: String(item.id ?? ''),
        effect: typeof item.effect === 'string' ? item.effect : undefined,
        description: String(item.description ?? ''),
        levels: Array.isArray(item.levels) ? item.levels.map(String) : undefined,
      }));
    return { rules: list(parsed.rules), fieldAccess: list(parsed.classificationAccess) };
  } catch {
    return null;
  }
}

function EffectTag({ effect }: { effect: string | undefined }) {
  return <strong className={`govuk-tag govuk-tag--${effect === 'ALLOW' ? 'green' : 'red'}`}>{effect === 'ALLOW' ? 'Allow' : effect === 'DENY' ? 'Deny' : humanise(effect)}</strong>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function InForce() {
  const policy = useQuery({ queryKey: ['governance', 'policy'], queryFn: () => request(IN_FORCE) });
  if (policy.isPending) return <Loading what="the agreement in force" />;
  if (policy.isError) return <QueryFailure error={policy.error} retry={() => policy.refetch()} />;
  const version = policy.data.data?.isaPolicy;
  if (!version) {
    return (
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>No version of the agreement is in force: nothing is shared with anyone.</strong>
      </div>
    );
  }
  const entries = entriesOf(version.document);
  return (
    <>
      <h2 className="govuk-heading-m">Version {version.version}</h2>
      {version.title ? <p className="govuk-body-l">{version.title}</p> : null}
      <dl className="govuk-summary-list">
        <Row label="Status"><StatusTag status={version.status} /></Row>
        <Row label="Effective from">{formatDate(version.effectiveFrom)}</Row>
        <Row label="Activated">
          {formatDateTime(version.activatedAt)}{version.activatedBy ? <> by <Id>{version.activatedBy}</Id></> : null}
          {version.activationReason ? <span className="app-gov-secondary">{version.activationReason}</span> : null}
        </Row>
        <Row label="Proposed">
          {formatDateTime(version.proposedAt)} by <Id>{version.proposedBy}</Id>
          <span className="app-gov-secondary">{version.reason}</span>
        </Row>
        <Row label="Approved by">
          {version.approvals.length === 0 ? 'No separate approvals (the activator counts as a checker)' : (
            <ul className="govuk-list">
              {version.approvals.map((approval) => (
                <li key={approval.approver + approval.at}><Id>{approval.approver}</Id>, {formatDateTime(approval.at)}: {approval.reason}</li>
              ))}
            </ul>
          )}
          <span className="app-gov-secondary">Checkers: {version.approversHave} of {version.approversNeeded} needed</span>
        </Row>
        <Row label="Widens sharing">
          {version.widening.length === 0 ? 'No' : <ul className="govuk-list govuk-list--bullet">{version.widening.map((sentence) => <li key={sentence}>{sentence}</li>)}</ul>}
        </Row>
        <Row label="Document hash"><Id hash>{version.documentHash}</Id></Row>
      </dl>
      {entries ? (
        <>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Rules, in the order they are tried (the first that matches decides)</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Rule</th>
                <th scope="col" className="govuk-table__header">Effect</th>
                <th scope="col" className="govuk-table__header">What it says</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entries.rules.map((rule) => (
                <tr className="govuk-table__row" key={rule.id}>
                  <th scope="row" className="govuk-table__header"><Id>{rule.id}</Id></th>
                  <td className="govuk-table__cell"><EffectTag effect={rule.effect} /></td>
                  <td className="govuk-table__cell">{rule.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.fieldAccess.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Field sensitivity levels released</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Entry</th>
                  <th scope="col" className="govuk-table__header">What it says</th>
                  <th scope="col" className="govuk-table__header">Levels</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {entries.fieldAccess.map((entry) => (
                  <tr className="govuk-table__row" key={entry.id}>
                    <th scope="row" className="govuk-table__header"><Id>{entry.id}</Id></th>
                    <td className="govuk-table__cell">{entry.description}</td>
                    <td className="govuk-table__cell">{(entry.levels ?? []).map(humanise).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : (
        <p className="govuk-body">The stored document could not be read as JSON; its hash is above.</p>
      )}
    </>
  );
}

function Versions() {
  const versions = useQuery({ queryKey: VERSIONS_KEY, queryFn: () => request(VERSIONS) });
  if (versions.isPending) return <Loading what="the versions" />;
  if (versions.isError) return <QueryFailure error={versions.error} retry={() => versions.refetch()} />;
  const list = versions.data.data?.isaPolicyVersions ?? [];
  const active = list.find((version) => version.status === 'ACTIVE')?.version;
  return (
    <table className="govuk-table">
      <caption className="govuk-visually-hidden">Every version of the agreement, newest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Version</th>
          <th scope="col" className="govuk-table__header">Status</th>
          <th scope="col" className="govuk-table__header">Proposed</th>
          <th scope="col" className="govuk-table__header">Approvals</th>
          <th scope="col" className="govuk-table__header">Widens sharing</th>
          <th scope="col" className="govuk-table__header">Compare</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {list.map((version) => (
          <tr className="govuk-table__row" key={version.version}>
            <th scope="row" className="govuk-table__header">
              {version.version}
              {version.title ? <span className="app-gov-secondary">{version.title}</span> : null}
            </th>
            <td className="govuk-table__cell"><StatusTag status={version.status} /></td>
            <td className="govuk-table__cell">{formatDateTime(version.proposedAt)} by <Id>{version.proposedBy}</Id></td>
            <td className="govuk-table__cell">
              {version.approversHave} of {version.approversNeeded} needed
              {version.approvals.length > 0 ? <span className="app-gov-secondary">{version.approvals.map((approval) => approval.approver).join(', ')}</span> : null}
            </td>
            <td className="govuk-table__cell">
              {version.widening.length > 0 ? <strong className="govuk-tag govuk-tag--red">Widens sharing</strong> : 'No'}
            </td>
            <td className="govuk-table__cell">
              {active && active !== version.version ? (
                <Link className="govuk-link" to={`/governance/diff?from=${encodeURIComponent(active)}&to=${encodeURIComponent(version.version)}`}>
                  Compare<span className="govuk-visually-hidden"> version {version.version}</span> with the version in force
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The agreement in force (its rules in words) and every version with its status and approvals. */
export function PolicyPage() {
  return (
    <ConsolePart title="Information-sharing agreement">
      <InForce />
      <h2 className="govuk-heading-m">Versions</h2>
      <Versions />
    </ConsolePart>
  );
}
