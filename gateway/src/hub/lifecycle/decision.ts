import type { Case } from '../entities/case.entity';
import { CaseStage, CaseStatus, FeedbackWithheldReason, Rag } from '../entities/enums';
import type { DecisionInput } from '../inputs/decision.input';
import type { CloseCaseInput, FeedbackInput } from '../inputs/lifecycle.input';
import { Problems } from '../validation/problems';

/** A minute's grace for clocks a little ahead of the hub's. */
const FUTURE_GRACE_MS = 60_000;
const MAX_ATTENDEES = 30;

/**
 * Records the MASH decision on a locked, rated case. A RED case's decision records its strategy
 * discussion: in this hub a RED referral leaves the MASH through a MASH meeting acting as the
 * strategy meeting (DOMAIN.md, the hub's report; Working Together 2023), whatever the outcome.
 * With feedbackToReferrer it also records the feedback and closes the case (the one-step form
 * clients used before feedback and closure were split). Returns the access-log detail.
 */
export function applyDecision(record: Case, input: DecisionInput, userId: string, now: Date): string {
  const problems = new Problems();
  if (!record.rag) problems.add('caseId', 'rate the case before recording a decision');
  if (record.decidedAt) problems.add('caseId', `the decision on case ${record.reference} is already recorded`);
  problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
  problems.text('feedbackToReferrer', input.feedbackToReferrer, { max: 4000, label: 'Feedback to the referrer' });
  const withFeedback = Boolean(input.feedbackToReferrer?.trim());
  if (input.feedbackMethod && !withFeedback) problems.add('feedbackMethod', 'goes with feedbackToReferrer; record feedback given later with recordFeedback');
  const attendees = checkStrategyDiscussion(record, input, problems, now);
  problems.throwIfAny('decision');
  Object.assign(record, {
    decision: input.outcome,
    decisionRationale: input.rationale.trim(),
    decidedAt: now,
    decidedBy: userId,
    stage: CaseStage.DECIDED,
    strategyDiscussionAt: input.strategyDiscussionAt ?? null,
    strategyDiscussionAttendees: attendees,
  });
  const detail = [`decision=${input.outcome}`];
  if (attendees) detail.push(`strategyDiscussion attendees=${attendees.length}`);
  if (withFeedback) {
    Object.assign(record, {
      feedbackToReferrer: input.feedbackToReferrer!.trim(),
      feedbackMethod: input.feedbackMethod ?? null,
      feedbackSentAt: now,
      feedbackBy: userId,
      stage: CaseStage.CLOSED,
      status: CaseStatus.CLOSED,
      closedAt: now,
    });
    detail.push(`feedback=${input.feedbackMethod ?? 'recorded'} closed`);
  }
  return detail.join(' ');
}

function checkStrategyDiscussion(record: Case, input: DecisionInput, problems: Problems, now: Date): string[] | null {
  const required = record.rag === Rag.RED;
  const at = input.strategyDiscussionAt;
  const given = input.strategyDiscussionAttendees;
  const why = 'a RED case\'s decision records its strategy discussion (when, and who took part)';
  if (at === undefined || at === null) {
    if (required) problems.add('strategyDiscussionAt', `${why}: give when it was held`);
    else if (given?.length) problems.add('strategyDiscussionAt', 'give when the strategy discussion was held, with its attendees');
  } else {
    checkTime('strategyDiscussionAt', at, record, problems, now);
  }
  if (!given || given.length === 0) {
    if (required) problems.add('strategyDiscussionAttendees', `${why}: name the agencies or roles that took part`);
    else if (at) problems.add('strategyDiscussionAttendees', 'name the agencies or roles that took part in the strategy discussion');
    return null;
  }
  const attendees = [...new Map(given.map((name) => [name.trim().toLowerCase(), name.trim()])).values()].filter(Boolean);
  if (attendees.length < 2) problems.add('strategyDiscussionAttendees', 'a strategy discussion is multi-agency: name at least two agencies or roles that took part');
  if (attendees.length > MAX_ATTENDEES) problems.add('strategyDiscussionAttendees', `at most ${MAX_ATTENDEES} attendees`);
  if (attendees.some((name) => name.length > 200)) problems.add('strategyDiscussionAttendees', 'each attendee is at most 200 characters (an agency or role, e.g. "police")');
  return attendees;
}

/** Records the feedback to the referrer on a decided, open case. */
export function applyFeedback(record: Case, input: FeedbackInput, userId: string, now: Date): string {
  const problems = new Problems();
  if (!record.decidedAt) problems.add('caseId', `record the decision on case ${record.reference} first (recordDecision); feedback tells the referrer the outcome`);
  if (record.feedbackSentAt) problems.add('caseId', `feedback on case ${record.reference} is already recorded`);
  checkTime('sentAt', input.sentAt, record, problems, now);
  problems.text('summary', input.summary, { required: true, max: 4000, label: 'What the referrer was told' });
  problems.throwIfAny('feedback');
  Object.assign(record, {
    feedbackToReferrer: input.summary.trim(),
    feedbackMethod: input.method,
    feedbackSentAt: input.sentAt,
    feedbackBy: userId,
    stage: CaseStage.FEEDBACK_GIVEN,
  });
  return `feedback=${input.method}`;
}

/**
 * Closes a decided case: the hub gives feedback to every referrer (its own target, 100%), so a
 * case closes with feedback recorded or a reason why none was given (ANONYMOUS_REFERRER, a risk to
 * a child or an adult, REFERRER_UNREACHABLE). Risk reasons need a note: every decision not to
 * share is recorded with its reason (the seven golden rules).
 */
export function applyClosure(record: Case, input: CloseCaseInput, now: Date): string {
  const problems = new Problems();
  if (!record.decidedAt) problems.add('caseId', `record the decision on case ${record.reference} first (recordDecision)`);
  const reason = input.feedbackWithheldReason ?? null;
  if (record.feedbackSentAt && reason) problems.add('feedbackWithheldReason', 'feedback to the referrer is recorded, so it was not withheld; leave this out');
  if (!record.feedbackSentAt && !reason) {
    problems.add('feedbackWithheldReason', 'a case closes with feedback to the referrer (recordFeedback) or the reason none was given (ANONYMOUS_REFERRER, RISK_TO_CHILD, RISK_TO_ADULT, REFERRER_UNREACHABLE)');
  }
  const risk = reason === FeedbackWithheldReason.RISK_TO_CHILD || reason === FeedbackWithheldReason.RISK_TO_ADULT;
  problems.text('note', input.note, { required: risk, max: 1000, label: `Why telling the referrer would be a risk (${reason})` });
  if (!reason && input.note?.trim()) problems.add('note', 'the note says why feedback was withheld; give it with feedbackWithheldReason');
  problems.throwIfAny('closure');
  Object.assign(record, {
    feedbackWithheldReason: reason,
    feedbackWithheldNote: input.note?.trim() || null,
    stage: CaseStage.CLOSED,
    status: CaseStatus.CLOSED,
    closedAt: now,
  });
  return reason ? `closed feedbackWithheld=${reason}` : 'closed feedback=sent';
}

function checkTime(field: string, value: Date, record: Case, problems: Problems, now: Date): void {
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) problems.add(field, 'is not a date and time; use ISO 8601, e.g. 2026-11-26T09:30:00Z');
  else if (at.getTime() > now.getTime() + FUTURE_GRACE_MS) problems.add(field, 'is in the future');
  else if (at.getTime() < record.receivedAt.getTime()) problems.add(field, `is before case ${record.reference} was received`);
}
