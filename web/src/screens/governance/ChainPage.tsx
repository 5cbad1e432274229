import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import { Loading } from '../../components/govuk';
import { formatDateTime } from '../../components/format';
import { graphql } from '../../gql';
import type { GovernanceAuditChainQuery } from '../../gql/graphql';
import { ConsolePart } from './GovernancePage';
import { Id, QueryFailure } from './shared';

const CHAIN = graphql(`
  query GovernanceAuditChain {
    auditChain { ok entries headSeq headHash checkedAt firstBroken { seq id reason } }
  }
`);

type Report = GovernanceAuditChainQuery['auditChain'];

function Result({ report }: { report: Report }) {
  return (
    <>
      {report.ok ? (
        <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left">
          <h2 className="govuk-panel__title">The chain is intact</h2>
          <div className="govuk-panel__body">Every entry is unaltered and linked to the one before it.</div>
        </div>
      ) : (
        <div className="govuk-notification-banner govuk-notification-banner--error" role="alert" aria-labelledby="chain-broken-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="chain-broken-title">The chain is broken</h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              It breaks at entry {report.firstBroken?.seq ?? 'unknown'}: {report.firstBroken?.reason ?? 'no reason given'}
            </p>
            <p className="govuk-body">Entries from there on cannot be trusted as recorded. Keep this page's details and report it to the hub's security lead.</p>
          </div>
        </div>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Result</dt>
          <dd className="govuk-summary-list__value">
            <strong className={`govuk-tag govuk-tag--${report.ok ? 'green' : 'red'}`}>{report.ok ? 'Intact' : 'Broken'}</strong>
          </dd>
        </div>
        {report.firstBroken ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">First broken entry</dt>
            <dd className="govuk-summary-list__value">Entry {report.firstBroken.seq} (<Id>{report.firstBroken.id}</Id>)</dd>
          </div>
        ) : null}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Entries checked</dt>
          <dd className="govuk-summary-list__value">{report.entries.toLocaleString('en-GB')}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Last entry checked</dt>
          <dd className="govuk-summary-list__value">{report.headSeq ?? '—'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Head hash</dt>
          <dd className="govuk-summary-list__value">
            {report.headHash ? <Id hash>{report.headHash}</Id> : '—'}
            <span className="app-gov-secondary">Note it outside the hub: a later check that no longer reaches it shows entries removed from the end.</span>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Checked</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(report.checkedAt)}</dd>
        </div>
      </dl>
    </>
  );
}

/** Recomputes the access log's hash chain and says whether it holds, and if not where it breaks. */
export function ChainPage() {
  const chain = useQuery({ queryKey: ['governance', 'chain'], queryFn: () => request(CHAIN), staleTime: 0 });
  return (
    <ConsolePart title="Access-log chain check">
      <p className="govuk-body">Each entry of the access log carries the hash of the one before it, so changing or removing an entry shows. The check recomputes the whole chain, and is itself recorded in the log.</p>
      {chain.isFetching ? <Loading what="the check: recomputing every entry's hash" /> : null}
      {chain.isError ? <QueryFailure error={chain.error} retry={() => chain.refetch()} /> : null}
      {chain.data?.data && !chain.isFetching ? <Result report={chain.data.data.auditChain} /> : null}
      <button type="button" className="govuk-button" onClick={() => chain.refetch()} disabled={chain.isFetching} aria-disabled={chain.isFetching}>
        Check again
      </button>
    </ConsolePart>
  );
}
