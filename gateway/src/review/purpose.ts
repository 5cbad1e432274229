/**
 * The purpose under which the gateway reads the agencies' disclosure logs for a subject access
 * request (`whoHasSeen`). Like the onward-notification purposes it is set only by the hub's own
 * executor, never from an HTTP request, so a governance user reaches an agency's disclosure log
 * only through that audited review, never by querying `policeDisclosures` and the like directly.
 */
export const SUBJECT_ACCESS_REVIEW = 'SUBJECT_ACCESS_REVIEW';

/** The enforcement rule recorded on those disclosure-log reads (AGENCY_FETCH entries with no case). */
export const SUBJECT_ACCESS_REVIEW_RULE = 'governance-subject-access-review';
