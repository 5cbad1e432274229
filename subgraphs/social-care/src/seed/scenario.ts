import { addDays, type ScenarioFacts } from '@mash/shared';
import { ASSESSMENT_FACTORS, type AssessmentFactorCode, type CategoryOfAbuseCode, type RiskTypeCode } from '../entities/code-lists';
import { CATEGORY_FACTOR } from './factors';
import type { EpisodeWriter } from './writer';

export type SocialCareFacts = NonNullable<ScenarioFacts['socialCare']>;

/** Refuses a factor code the CIN census does not have, rather than storing it. */
function factorCodes(codes: readonly string[] | undefined): AssessmentFactorCode[] {
  return (codes ?? []).map((code) => {
    if (!(code in ASSESSMENT_FACTORS)) throw new Error(`social-care seed: scenario factor "${code}" is not a CIN assessment factor`);
    return code as AssessmentFactorCode;
  });
}

/** The category of abuse the assessment's abuse factors point to; neglect when they name none. */
function categoryFrom(factors: readonly AssessmentFactorCode[]): CategoryOfAbuseCode {
  const found = (Object.entries(CATEGORY_FACTOR) as [CategoryOfAbuseCode, AssessmentFactorCode[]][])
    .filter(([category, codes]) => category !== 'MUL' && codes.some((code) => factors.includes(code)))
    .map(([category]) => category);
  return found.length > 1 ? 'MUL' : (found[0] ?? 'NEG');
}

/**
 * A demo scenario person's social-care history, exactly as `person.scenario.socialCare` says
 * (the household traits are all off for scenario households): fixed offsets from the reference
 * date, ids from the person's own stream, so every run writes the same rows.
 *
 * - cpPlan OPEN: referral 150 days ago, assessment with the factors (or the category's), plan from 105 days ago.
 * - cpPlan PREVIOUS: referral 600 days ago, plan from 555 to 200 days ago, the episode closed then.
 * - childInNeed: an open referral 75 days ago, assessed 73 days ago with the factors (an open plan's episode serves instead).
 * - factors with neither: a referral 120 days ago closed after an assessment naming them.
 * - section42 OPEN: concern 21 days ago, open; PREVIOUS: concern 210 days ago, closed 150 days ago;
 *   risk type self-neglect when `selfNeglect`, else neglect and acts of omission.
 */
export function seedScenarioFacts(w: EpisodeWriter, facts: SocialCareFacts): void {
  const factors = factorCodes(facts.factors);
  let factorsWritten = false;

  if (facts.cpPlan === 'PREVIOUS') {
    const referralDate = w.daysAgo(600);
    const category = categoryFrom(factors);
    const planStart = addDays(referralDate, 45);
    const planEnd = w.daysAgo(200);
    const referralId = w.referral({
      referralDate, source: '2A', primaryNeed: 'N1', dateOfInitialCpc: planStart, closureDate: planEnd, reasonForClosure: 'RC7',
    });
    w.assessment(referralId, addDays(referralDate, 3), addDays(referralDate, 31), CATEGORY_FACTOR[category]);
    w.childProtectionPlan({
      referralId, startDate: planStart, endDate: planEnd, initialCategory: category, latestCategory: category, numberOfPreviousCpp: 0,
    });
  }

  if (facts.cpPlan === 'OPEN') {
    const referralDate = w.daysAgo(150);
    const category = categoryFrom(factors);
    const planStart = addDays(referralDate, 45);
    const referralId = w.referral({ referralDate, source: '2A', primaryNeed: 'N1', dateOfInitialCpc: planStart });
    w.assessment(referralId, addDays(referralDate, 3), addDays(referralDate, 31), factors.length > 0 ? factors : CATEGORY_FACTOR[category]);
    w.childProtectionPlan({
      referralId, startDate: planStart, endDate: null, initialCategory: category, latestCategory: category,
      numberOfPreviousCpp: 0,
    });
    factorsWritten = true;
  }

  if (facts.childInNeed && facts.cpPlan !== 'OPEN') {
    const referralDate = w.daysAgo(75);
    const referralId = w.referral({ referralDate, source: '2A', primaryNeed: 'N1' });
    w.assessment(referralId, addDays(referralDate, 2), addDays(referralDate, 30), factors);
    factorsWritten = true;
  }

  if (factors.length > 0 && !factorsWritten) {
    const referralDate = w.daysAgo(120);
    const referralId = w.referral({
      referralDate, source: '2A', primaryNeed: 'N4', closureDate: addDays(referralDate, 35), reasonForClosure: 'RC8',
    });
    w.assessment(referralId, addDays(referralDate, 2), addDays(referralDate, 30), factors);
  }

  if (facts.section42) {
    const open = facts.section42 === 'OPEN';
    const concernDate = open ? w.daysAgo(21) : w.daysAgo(210);
    const riskTypes: RiskTypeCode[] = facts.selfNeglect ? ['SELF_NEGLECT'] : ['NEGLECT_AND_ACTS_OF_OMISSION'];
    w.section42Enquiry({
      concernDate,
      enquiryType: 'S42',
      riskTypes,
      sourceOfRisk: 'OTHER_KNOWN_TO_INDIVIDUAL',
      locationOfRisk: 'OWN_HOME',
      endDate: open ? null : w.daysAgo(150),
      outcome: open ? null : 'RISK_REDUCED',
      mentalCapacityAssessed: true,
      consent: 'OBTAINED',
      consentOverrideReason: null,
    });
  }
}
