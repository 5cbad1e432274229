import type { GenderValue } from '@mash/shared';
import type { Actor, CaseRegister } from '../case-register';
import type { Case } from '../entities/case.entity';
import { CaseKind, ConsentStatus, DecisionOutcome, FeedbackMethod, FeedbackWithheldReason, HouseholdRole, InformationRequester, Pathway, Rag } from '../entities/enums';
import type { ReferralInput } from '../inputs/referral.input';
import { planHistory, type HistoryOptions, type PlannedCase } from './history-plan';

export type { HistoryOptions } from './history-plan';

const TRIAGE: Actor = { userId: 'seed:history-triage', roles: ['mash-triage'] };
const MANAGER: Actor = { userId: 'seed:history-manager', roles: ['mash-manager'] };
const MINUTE = 60_000;
const HOUR = 3_600_000;

const CONCERNS: Record<PlannedCase['group'], string> = {
  RED: 'Demo history: disclosure of physical harm; the child is frightened to go home.',
  AMBER: 'Demo history: worries about neglect and school attendance; parental mental health.',
  GREEN: 'Demo history: family asks for help with housing, debt and parenting.',
  INFORMATION_REQUEST: 'Demo history: request for information held about the family for proceedings.',
};
const STRATEGY_ATTENDEES = ['police', "children's social care", 'health'];

/**
 * Six months of demo referrals (history-plan.ts), each taken through the hub's own lifecycle with
 * its own times: received, rated, researched, decided, feedback, closed; the backlog left open.
 * Every step goes through CaseRegister, so every historic case has its access-log entries.
 */
export async function seedHistory(cases: CaseRegister, options: HistoryOptions): Promise<{ cases: number; open: number }> {
  const plans = planHistory(options);
  const latest = options.end.getTime() - 5 * MINUTE;
  let open = 0;
  for (const [index, plan] of plans.entries()) {
    const firstRating = (plan.backlog?.firstRating ?? (plan.group === 'RED' || plan.group === 'AMBER' ? plan.group : Rag.GREEN)) as Rag;
    // GREEN (and information requests) are rated by triage on receipt; RED and AMBER by a manager after a first look.
    const onReceipt = firstRating === Rag.GREEN;
    const received = await cases.receiveReferral(referral(plan, onReceipt ? firstRating : null), TRIAGE, plan.receivedAt);
    let rated = received;
    if (!onReceipt) {
      const ratedAt = new Date(Math.max(plan.receivedAt.getTime() + MINUTE, Math.min(plan.receivedAt.getTime() + plan.ratingDelayMinutes * MINUTE, latest - 30 * MINUTE)));
      rated = await rate(cases, received.id, firstRating, ratedAt);
      await cases.markResearchStarted([received.id], new Date(ratedAt.getTime() + 10 * MINUTE));
    }
    if (plan.backlog) {
      // Re-rated at the end (after the demo cases were received): still open, due from then.
      await rate(cases, received.id, plan.group as Rag, new Date(options.end.getTime() + index));
      await cases.assignCase({ caseId: received.id, assigneeId: TRIAGE.userId }, MANAGER, new Date(options.end.getTime() + index));
      open += 1;
      continue;
    }
    await decide(cases, rated, plan, latest);
  }
  return { cases: plans.length, open };
}

function rate(cases: CaseRegister, caseId: string, rag: Rag, at: Date): Promise<Case> {
  // A manager's RED or AMBER is confirmed as given (no review left open in the queue); GREEN needs no confirming.
  return cases.rateCase({ caseId, rag, rationale: `Demo history: rated ${rag}.` }, rag === Rag.GREEN ? TRIAGE : MANAGER, at);
}

async function decide(cases: CaseRegister, rated: Case, plan: PlannedCase, latest: number): Promise<void> {
  const ratedAt = rated.ratedAt?.getTime() ?? plan.receivedAt.getTime();
  const due = rated.dueBy.getTime();
  const planned = plan.timing.onTime ? ratedAt + plan.timing.fraction * (due - ratedAt) : due + plan.timing.lateHours * HOUR;
  const decidedAt = new Date(Math.max(ratedAt + MINUTE, Math.min(planned, latest)));
  const withFeedback = plan.feedback.kind === 'WITH_DECISION';
  await cases.recordDecision(
    {
      caseId: rated.id,
      outcome: plan.outcome as DecisionOutcome,
      rationale: `Demo history: ${plan.outcome.toLowerCase().replace(/_/g, ' ')}.`,
      feedbackToReferrer: withFeedback ? 'Demo history: the referrer was told the outcome.' : null,
      feedbackMethod: withFeedback ? FeedbackMethod.EMAIL : null,
      ...(rated.rag === Rag.RED ? { strategyDiscussionAt: new Date(Math.max(ratedAt, decidedAt.getTime() - 20 * MINUTE)), strategyDiscussionAttendees: STRATEGY_ATTENDEES } : {}),
    },
    MANAGER,
    decidedAt,
  );
  if (plan.feedback.kind === 'WITH_DECISION') return;
  const later = new Date(Math.max(decidedAt.getTime() + MINUTE, Math.min(decidedAt.getTime() + plan.feedback.afterHours * HOUR, latest)));
  if (plan.feedback.kind === 'LATER') {
    await cases.recordFeedback({ caseId: rated.id, sentAt: later, method: FeedbackMethod.PHONE, summary: 'Demo history: the referrer was told the outcome by telephone.' }, TRIAGE, later);
    await cases.closeCase({ caseId: rated.id }, TRIAGE, later);
  } else {
    await cases.closeCase({ caseId: rated.id, feedbackWithheldReason: plan.feedback.reason as FeedbackWithheldReason }, TRIAGE, later);
  }
}

function referral(plan: PlannedCase, rag: Rag | null): ReferralInput {
  return {
    kind: plan.group === 'INFORMATION_REQUEST' ? CaseKind.INFORMATION_REQUEST : CaseKind.REFERRAL,
    informationRequester: (plan.requester as InformationRequester | null) ?? null,
    referrerName: plan.source.referrer,
    referrerOrganisation: plan.source.organisation,
    referralSource: plan.source.code,
    referrerContact: plan.source.code === '9' ? null : 'referrer@agency.example',
    concern: CONCERNS[plan.group],
    pathway: plan.pathway as Pathway,
    consentStatus: ConsentStatus.NOT_SOUGHT,
    consentEarlyHelpSharing: false,
    rag,
    ragRationale: rag ? `Demo history: rated ${rag} on receipt.` : null,
    subjects: plan.people.map((person) => ({
      householdRole: person.role as HouseholdRole,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender as GenderValue,
      addressLine: person.addressLine,
      postcode: person.postcode,
      nhsNumber: null,
      upn: null,
      pncId: null,
    })),
  };
}
