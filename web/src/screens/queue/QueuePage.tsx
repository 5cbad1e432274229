import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { ApiErrorPanel, Loading, RagTag, usePageTitle } from '../../components/govuk';
import { graphql } from '../../gql';

const QUEUE = graphql(`
  query QueuePage {
    cases(status: OPEN) { id reference rag status dueBy overdue }
  }
`);

export function QueuePage() {
  usePageTitle('Triage queue');
  const queue = useQuery({ queryKey: ['queue'], queryFn: () => request(QUEUE) });
  return (
    <>
      <h1 className="govuk-heading-l">Triage queue</h1>
      {queue.isPending ? <Loading what="the queue" /> : null}
      {queue.isError ? <ApiErrorPanel error={queue.error} retry={() => queue.refetch()} /> : null}
      <ul className="govuk-list">
        {queue.data?.data?.cases.map((item) => (
          <li key={item.id}>
            <Link className="govuk-link" to={`/cases/${item.id}`}>{item.reference}</Link> <RagTag rag={item.rag} />
          </li>
        ))}
      </ul>
    </>
  );
}
