import type { AlertRule, Rag } from '../../policy';
import { accessLogEvidence, candidate, iso, type AlertCandidate, type LogEntry } from './types';

/** An urgent review (rating_review kind URGENT) as the rule reads it. */
export interface UrgentReview {
  id: string;
  caseId: string;
  ratingId: string;
  rag: Rag;
  ratedBy: string;
  openedAt: Date;
  status: string;
  closedBy: string | null;
  closedAt: Date | null;
  /** The access-log entries that gave the rating and (if closed) closed the review, oldest first. */
  entries: LogEntry[];
}

/**
 * URGENT_RATING_UNREVIEWED: an urgent rating (it shared at once, URGENT_AWAITING_REVIEW) that no
 * manager confirmed or overturned within afterHours: still open at `now`, or closed only later.
 * One alert per review.
 */
export function urgentUnreviewed(rule: AlertRule, reviews: readonly UrgentReview[], now: Date): AlertCandidate[] {
  const allowedMs = rule.afterHours! * 3_600_000;
  return reviews.flatMap((review) => {
    const due = review.openedAt.getTime() + allowedMs;
    if (due > now.getTime()) return [];
    const late = review.closedAt && review.closedAt.getTime() > due;
    if (review.status !== 'OPEN' && !late) return [];
    const waited = hours((review.closedAt ?? now).getTime() - review.openedAt.getTime());
    const what = review.status === 'OPEN'
      ? `has had no manager's review for ${waited} hour(s)`
      : `was ${review.status.toLowerCase()} by ${review.closedBy} only after ${waited} hour(s), at ${iso(review.closedAt!)}`;
    return [candidate(rule, {
      userId: review.ratedBy,
      caseId: review.caseId,
      agency: null,
      from: review.openedAt,
      to: review.closedAt ?? now,
      summary: `Urgent ${review.rag} rating ${review.ratingId} of case ${review.caseId} by user ${review.ratedBy} at ${iso(review.openedAt)} (review ${review.id}) ${what}; the policy allows ${rule.afterHours} hour(s).`,
      evidence: accessLogEvidence(review.entries),
    }, review.id)];
  });
}

function hours(ms: number): string {
  return String(Math.round((ms / 3_600_000) * 10) / 10);
}
