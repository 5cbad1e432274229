import { addMonths, type Flag } from '@mash/shared';
import {
  currentCpPlan, latestEndedCpPlan, currentLookedAfterEpisode, openReferral, previousCpPlanCount,
  referralsLast12Months,
} from '../records/current';
import type { PersonDetails } from '../records/load';
import { AMBER, flag, FlagCode, RED } from './flag';
import { CATEGORY_LABEL, LEGAL_STATUS_LABEL } from './labels';

export function openCpPlanFlag(person: PersonDetails, asOf: string): Flag | null {
  const plan = currentCpPlan(person, asOf);
  if (!plan) return null;
  return flag(FlagCode.OPEN_CP_PLAN, RED,
    `On a child protection plan since ${plan.startDate} (category: ${CATEGORY_LABEL[plan.latestCategory]})`, plan.startDate);
}

/** L1/L2 (police protection, EPO) are emergency removals: DOMAIN.md 7 weighs them with CLA as RED. */
export function lookedAfterFlag(person: PersonDetails, asOf: string): Flag | null {
  const episode = currentLookedAfterEpisode(person, asOf);
  if (!episode) return null;
  return flag(FlagCode.LOOKED_AFTER, RED,
    `Looked after since ${episode.startDate} (${LEGAL_STATUS_LABEL[episode.legalStatus]})`, episode.startDate);
}

/** An open CIN episode without a plan or care: an allocated social worker already holds the case. */
export function openChildInNeedFlag(person: PersonDetails, asOf: string): Flag | null {
  const referral = openReferral(person, asOf);
  if (!referral || currentCpPlan(person, asOf) || currentLookedAfterEpisode(person, asOf)) return null;
  return flag(FlagCode.OPEN_CHILD_IN_NEED, AMBER, `Open to children's social care (child in need) since ${referral.referralDate}`,
    referral.referralDate);
}

/** The DfE re-referral window: `later` no more than 12 months after `earlier`. */
const within12MonthsAfter = (earlier: string, later: string) => later >= earlier && later <= addMonths(earlier, 12);

/** DfE re-referral measure: a referral within 12 months of the previous one; 3+ in 12 months is a "revolving door". */
export function referralFlag(person: PersonDetails, asOf: string): Flag | null {
  const recent = referralsLast12Months(person, asOf);
  if (recent.length >= 3) {
    return flag(FlagCode.REPEAT_REFERRALS_12M, AMBER, `${recent.length} referrals to children's social care in the last 12 months, the latest on ${recent[0].referralDate}`,
      recent[0].referralDate);
  }
  const dates = person.referrals.map((referral) => referral.referralDate).filter((date) => date <= asOf).sort();
  const reReferral = recent.find((referral) => {
    const previous = dates.filter((date) => date < referral.referralDate).pop();
    return previous !== undefined && within12MonthsAfter(previous, referral.referralDate);
  });
  if (!reReferral) return null;
  return flag(FlagCode.RE_REFERRAL_12M, AMBER,
    `Re-referred on ${reReferral.referralDate}, within 12 months of a previous referral`, reReferral.referralDate);
}

/**
 * NumberOfPreviousCPP > 0, or a plan that has ended. Dated by the latest plan that ended (its
 * end date); null when only the count on the current plan says there were earlier ones.
 */
export function previousCpPlanFlag(person: PersonDetails, asOf: string): Flag | null {
  const count = previousCpPlanCount(person, asOf);
  if (count === 0) return null;
  const ended = latestEndedCpPlan(person, asOf);
  const plans = count === 1 ? '1 previous child protection plan' : `${count} previous child protection plans`;
  return flag(FlagCode.PREVIOUS_CP_PLAN, AMBER,
    ended ? `${plans}, the latest from ${ended.startDate} to ${ended.endDate} (category: ${CATEGORY_LABEL[ended.latestCategory]})` : plans,
    ended?.endDate ?? null);
}
