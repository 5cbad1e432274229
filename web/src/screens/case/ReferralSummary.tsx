import { RagTag } from '../../components/govuk';
import { formatDateTime, humanise, timeLeft } from '../../components/format';
import type { CaseData } from './model';
import { SummaryRows } from './parts';

const CONFIRMATION: Record<string, string> = {
  NOT_NEEDED: 'Nothing to confirm: this rating does not open the case to agency data',
  AWAITING_CONFIRMATION: 'Awaiting confirmation by a second person: no agency data is shared until then',
  URGENT_AWAITING_REVIEW: 'Urgent: agency data is shared now; a manager must confirm or overturn the rating',
  CONFIRMED: 'Confirmed: agency data is shared as the agreement allows',
  OVERTURNED: 'Overturned by a manager: no agency data is shared until the case is re-rated',
};

/** "Due 1 Dec 2026, 18:33 (2 h left)", or overdue in words; or when it was decided. */
function due(record: CaseData): string {
  if (record.decidedAt) return `${formatDateTime(record.dueBy)} (decided ${formatDateTime(record.decidedAt)})`;
  const left = timeLeft(record.dueBy);
  return `${formatDateTime(record.dueBy)} (${record.overdue ? `overdue: ${left.text}` : left.text})`;
}

/** The referral and where the case stands, at the top of the case. */
export function ReferralSummary({ record }: { record: CaseData }) {
  return (
    <SummaryRows
      rows={[
        ['Received', formatDateTime(record.receivedAt)],
        ['Pathway', humanise(record.pathway)],
        ['Kind', record.kind === 'INFORMATION_REQUEST' ? `Information request from ${humanise(record.informationRequester).toLowerCase()}` : 'Referral'],
        ['Referrer', [record.referrerName, record.referrerOrganisation].filter(Boolean).join(', ') || 'Not given'],
        ['Referrer contact', record.referrerContact],
        ['Referral source', record.referralSource],
        ['Concern', record.concern ?? 'Withheld'],
        ['Rating', <><RagTag rag={record.rag} />{record.ratingConfirmation ? <span className="govuk-body app-case-inline-hint"> {CONFIRMATION[record.ratingConfirmation]}</span> : null}</>],
        ['Status', `${humanise(record.status)}: ${humanise(record.stage).toLowerCase()}`],
        ['Decision due by', <span className={record.overdue ? 'app-case-overdue' : undefined}>{due(record)}</span>],
        ['Assigned to', record.assigneeId ?? 'Nobody'],
        ['Consent', `${humanise(record.consentStatus)}${record.consentEarlyHelpSharing ? ', covering early help sharing' : ''}${record.consentNote ? `: ${record.consentNote}` : ''}`],
        ['Decision', record.decision ? `${humanise(record.decision)}: ${record.decisionRationale ?? 'rationale withheld'} (${record.decidedBy}, ${formatDateTime(record.decidedAt)})` : 'Not recorded yet'],
        ['Strategy discussion', record.strategyDiscussionAt ? `${formatDateTime(record.strategyDiscussionAt)} with ${record.strategyDiscussionAttendees?.join(', ') ?? 'attendees not recorded'}` : null],
        ['Feedback to the referrer', record.feedbackSentAt ? `${record.feedbackToReferrer ?? 'Withheld'} (${record.feedbackMethod ? humanise(record.feedbackMethod).toLowerCase() : 'how not recorded'}, ${formatDateTime(record.feedbackSentAt)})` : record.feedbackWithheldReason ? `Not given: ${humanise(record.feedbackWithheldReason).toLowerCase()}` : 'Not recorded yet'],
      ]}
    />
  );
}
