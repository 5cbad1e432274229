import { RagTag } from '../../components/govuk';
import { formatDateTime, humanise } from '../../components/format';
import type { CaseData } from './model';

/** Every rating and re-rating of the case, oldest first, with why, who and when. */
export function RatingHistory({ ratings }: { ratings: CaseData['ragHistory'] }) {
  if (ratings.length === 0) return <p className="govuk-body">The case has not been rated yet.</p>;
  return (
    <table className="govuk-table" data-testid="rating-history">
      <caption className="govuk-table__caption govuk-table__caption--s">Ratings, oldest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Rating</th>
          <th scope="col" className="govuk-table__header">Why</th>
          <th scope="col" className="govuk-table__header">Rated by</th>
          <th scope="col" className="govuk-table__header">When</th>
          <th scope="col" className="govuk-table__header">Decision due by</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {ratings.map((rating) => (
          <tr className="govuk-table__row" key={rating.id}>
            <td className="govuk-table__cell"><RagTag rag={rating.rag} /></td>
            <td className="govuk-table__cell">{rating.rationale ?? 'Withheld'}</td>
            <td className="govuk-table__cell">{rating.ratedBy}</td>
            <td className="govuk-table__cell">{formatDateTime(rating.ratedAt)}</td>
            <td className="govuk-table__cell">{formatDateTime(rating.dueBy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every recording of consent, oldest first. */
export function ConsentHistory({ records }: { records: CaseData['consentHistory'] }) {
  if (records.length === 0) return <p className="govuk-body">No consent has been recorded since the referral.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Consent recorded, oldest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Consent</th>
          <th scope="col" className="govuk-table__header">Given or refused by</th>
          <th scope="col" className="govuk-table__header">Early help sharing</th>
          <th scope="col" className="govuk-table__header">Note</th>
          <th scope="col" className="govuk-table__header">Recorded</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {records.map((record) => (
          <tr className="govuk-table__row" key={record.id}>
            <td className="govuk-table__cell">{humanise(record.status)}</td>
            <td className="govuk-table__cell">{[record.givenBy, record.method ? humanise(record.method).toLowerCase() : null, record.givenAt ? formatDateTime(record.givenAt) : null].filter(Boolean).join(', ') || '—'}</td>
            <td className="govuk-table__cell">{record.earlyHelpSharing ? 'Yes' : 'No'}</td>
            <td className="govuk-table__cell">{record.note ?? '—'}</td>
            <td className="govuk-table__cell">{record.recordedBy}, {formatDateTime(record.recordedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
