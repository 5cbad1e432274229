import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import type { ReferralReceiveMutation } from '../../gql/graphql';

export type Received = ReferralReceiveMutation['receiveReferral'];

/** What a rating given with the referral means for sharing, by its confirmation state. */
const CONFIRMATION: Partial<Record<NonNullable<Received['ratingConfirmation']>, string>> = {
  AWAITING_CONFIRMATION: 'Agency data is shared once someone else confirms the rating.',
  URGENT_AWAITING_REVIEW: 'Agency data is shared now; a manager must review the rating.',
  CONFIRMED: 'Agency data is shared as the agreement allows.',
};

/** GOV.UK confirmation page: the case reference, what happens next, and the way to the case. */
export function Confirmation({ received, again }: { received: Received; again: () => void }) {
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Referral received</h1>
        <div className="govuk-panel__body">
          Case reference<br />
          <strong data-testid="case-reference">{received.reference}</strong>
        </div>
      </div>
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        {received.rag
          ? <>The case is rated {received.rag}. {received.ratingConfirmation ? CONFIRMATION[received.ratingConfirmation] ?? '' : ''} </>
          : <>The case is waiting to be rated in the triage queue. </>}
        A decision is due by {formatDateTime(received.dueBy)}.
      </p>
      {received.reReferralOf ? (
        <div className="govuk-inset-text">
          Someone this referral names was referred recently: it is linked as a re-referral of{' '}
          <Link className="govuk-link" to={`/cases/${received.reReferralOf.id}`}>{received.reReferralOf.reference}</Link>.
        </div>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/cases/${received.id}`}>View case {received.reference}</Link>
      </p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={again}>Make another referral</button>
        <Link className="govuk-link" to="/queue">Back to the triage queue</Link>
      </div>
    </>
  );
}
