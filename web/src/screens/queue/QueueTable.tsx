import { Link } from 'react-router';
import { RagTag } from '../../components/govuk';
import { formatDateTime, humanise, timeLeft } from '../../components/format';
import type { QueuePageQuery } from '../../gql/graphql';

type QueueCase = QueuePageQuery['cases'][number];

/** One row per case; an overdue case says so in words and is marked at the row's edge. */
export function QueueTable({ cases, now, userId }: { cases: QueueCase[]; now: number; userId: string | null }) {
  return (
    <table className="govuk-table app-queue-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Cases, soonest due first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Reference</th>
          <th scope="col" className="govuk-table__header">Rating</th>
          <th scope="col" className="govuk-table__header">Stage</th>
          <th scope="col" className="govuk-table__header">Decision due</th>
          <th scope="col" className="govuk-table__header">Time left</th>
          <th scope="col" className="govuk-table__header">Pathway</th>
          <th scope="col" className="govuk-table__header">Assigned to</th>
          <th scope="col" className="govuk-table__header">Received</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {cases.map((item) => (
          <tr key={item.id} className={`govuk-table__row${item.overdue ? ' app-queue-table__row--overdue' : ''}`} data-testid="queue-row">
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link app-nowrap" to={`/cases/${item.id}`}>{item.reference}</Link>
              {item.kind === 'INFORMATION_REQUEST' ? <span className="govuk-body-s app-queue-table__kind">Information request</span> : null}
            </th>
            <td className="govuk-table__cell"><RagTag rag={item.rag} /></td>
            <td className="govuk-table__cell">{humanise(item.stage)}</td>
            <td className="govuk-table__cell"><time dateTime={item.dueBy}>{formatDateTime(item.dueBy)}</time></td>
            <td className="govuk-table__cell"><TimeLeft item={item} now={now} /></td>
            <td className="govuk-table__cell">{humanise(item.pathway)}</td>
            <td className="govuk-table__cell">{item.assigneeId ? (item.assigneeId === userId ? 'You' : item.assigneeId) : 'Nobody'}</td>
            <td className="govuk-table__cell"><time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt)}</time></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Time to the due time while a decision is awaited; the API's `overdue` decides the marker. */
function TimeLeft({ item, now }: { item: QueueCase; now: number }) {
  if (item.status === 'CLOSED') return <>Closed</>;
  if (item.decidedAt) return <>Decided</>;
  const left = timeLeft(item.dueBy, now);
  if (!item.overdue) return <>{left.overdue ? 'Due now' : left.text}</>;
  return (
    <>
      <strong className="govuk-tag govuk-tag--red" data-testid="overdue">Overdue</strong>{' '}
      <span className="app-overdue">{left.overdue ? left.text.replace(/^overdue /, '') : 'just now'}</span>
    </>
  );
}
