import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiRequestError, fieldErrors, request } from '../../api/client';
import { ApiErrorPanel, ErrorSummary, Loading, usePageTitle } from '../../components/govuk';
import { graphql } from '../../gql';
import { useSessionUser } from '../../layout/Layout';
import { QueueFilterForm, FILTER_IDS } from './QueueFilterForm';
import { QueuePagination } from './QueuePagination';
import { QueueTable } from './QueueTable';
import { queueVariables, readFilters, writeFilters, type QueueFilters } from './filters';
import './queue.css';

const QUEUE = graphql(`
  query QueuePage($rag: [Rag!], $status: CaseStatus, $overdue: Boolean, $pathway: Pathway, $assignee: String, $mine: Boolean, $offset: Int!, $limit: Int!) {
    cases(rag: $rag, status: $status, overdue: $overdue, pathway: $pathway, assignee: $assignee, mine: $mine, offset: $offset, limit: $limit) {
      id reference kind rag status stage dueBy overdue pathway assigneeId receivedAt decidedAt
    }
    overdueCases: cases(rag: $rag, status: $status, overdue: true, pathway: $pathway, assignee: $assignee, mine: $mine, limit: 200) { id }
  }
`);

/** The overdue count is read up to this many (the API's largest page). */
const OVERDUE_COUNT_LIMIT = 200;

/** Re-renders every minute so "time left" stays true while the queue is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The triage queue: cases soonest due first (the API's order: waiting for a decision, then decided
 * but open, then closed), filtered and paged through the query string so Back and bookmarks work.
 */
export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const user = useSessionUser();
  const now = useNow();
  const queue = useQuery({ queryKey: ['queue', writeFilters(filters).toString()], queryFn: () => request(QUEUE, queueVariables(filters)) });
  // Filters refused before asking (the form's own checks) or by the API (e.g. typed into the address), by argument name.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const refused = queue.error instanceof ApiRequestError && queue.error.code === 'BAD_USER_INPUT';
  const errors = { ...(refused ? fieldErrors(queue.error) : {}), ...problems };
  const hasErrors = Object.keys(errors).length > 0;
  usePageTitle('Triage queue', hasErrors);

  const apply = (next: QueueFilters) => {
    setProblems({});
    setParams(writeFilters(next));
  };
  const cases = queue.data?.data?.cases ?? [];
  const page = cases.slice(0, filters.limit);
  const hasNext = cases.length > filters.limit;
  const overdueCount = queue.data?.data?.overdueCases.length ?? 0;

  return (
    <>
      <ErrorSummary errors={Object.entries(errors).map(([field, text]) => ({ href: FILTER_IDS[field] ?? FILTER_IDS.rag, text }))} />
      <div className="app-queue__heading">
        <h1 className="govuk-heading-l">Triage queue</h1>
        <Link to="/referrals/new" className="govuk-button govuk-!-margin-bottom-4" role="button" draggable="false">New referral</Link>
      </div>
      {/* Keyed by the address: Back or a bookmark shows the form as the filters in force. */}
      <QueueFilterForm key={params.toString()} filters={filters} apply={apply} refuse={setProblems} errors={errors} />
      {queue.isPending ? <Loading what="the queue" /> : null}
      {queue.isError && !refused ? <ApiErrorPanel error={queue.error} retry={() => queue.refetch()} /> : null}
      {queue.isSuccess ? (
        <>
          <QueueSummary shown={page.length} offset={filters.offset} overdue={overdueCount} status={filters.status} />
          {page.length > 0 ? (
            <QueueTable cases={page} now={now} userId={user?.id ?? null} />
          ) : (
            <p className="govuk-body" data-testid="queue-empty">
              {filters.offset > 0 ? 'There are no more cases matching these filters.' : 'No cases match these filters.'}{' '}
              <Link className="govuk-link" to="/queue">Show all open cases</Link>
            </p>
          )}
          <QueuePagination filters={filters} hasNext={hasNext} shown={page.length} />
        </>
      ) : null}
    </>
  );
}

/** "Showing cases 1 to 25. 3 cases matching these filters are overdue." */
function QueueSummary({ shown, offset, overdue, status }: { shown: number; offset: number; overdue: number; status: QueueFilters['status'] }) {
  if (shown === 0) return null;
  const which = status === 'CLOSED' ? 'closed cases' : status === 'OPEN' ? 'open cases' : 'cases';
  const count = overdue >= OVERDUE_COUNT_LIMIT ? `${OVERDUE_COUNT_LIMIT} or more cases` : overdue === 1 ? '1 case' : `${overdue} cases`;
  return (
    <p className="govuk-body" data-testid="queue-summary" role="status">
      Showing {which} {offset + 1} to {offset + shown}.{' '}
      {status === 'CLOSED' ? null : overdue === 0 ? 'None matching these filters is overdue.' : <strong className="app-overdue">{count} matching these filters {overdue === 1 ? 'is' : 'are'} overdue.</strong>}
    </p>
  );
}
