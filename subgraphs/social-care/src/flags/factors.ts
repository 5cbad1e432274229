import { addMonths, openOn, withinLast12Months, type Flag } from '@mash/shared';
import { ASSESSMENT_FACTORS, type AssessmentFactorCode } from '../entities/code-lists';
import type { PersonDetails } from '../records/load';
import { AMBER, flag, FlagCode, RED } from './flag';

/** What the person's latest assessment found, and whether it is current (last 12 months or its CIN episode still open). */
export interface LatestAssessment {
  startDate: string;
  factors: ReadonlySet<AssessmentFactorCode>;
  current: boolean;
}

/**
 * The person's latest assessment started in the two years to `asOf` (CIN census
 * AssessmentActualStartDate); two assessments starting that day count as one. A later
 * assessment supersedes an earlier one: its factors are the social worker's current view.
 */
export function latestAssessment(person: Pick<PersonDetails, 'referrals'>, asOf: string): LatestAssessment | null {
  const from = addMonths(asOf, -24);
  const found = person.referrals.flatMap((referral) =>
    referral.assessments
      .filter((assessment) => assessment.startDate <= asOf && assessment.startDate > from)
      .map((assessment) => ({ ...assessment, open: openOn(referral.referralDate, referral.closureDate, asOf) })),
  );
  const startDate = found.reduce<string | null>((max, assessment) => (max === null || assessment.startDate > max ? assessment.startDate : max), null);
  if (startDate === null) return null;
  const sameDay = found.filter((assessment) => assessment.startDate === startDate);
  return {
    startDate,
    factors: new Set(sameDay.flatMap((assessment) => assessment.factors)),
    current: withinLast12Months(startDate, asOf) || sameDay.some((assessment) => assessment.open),
  };
}

interface FactorFlag {
  code: FlagCode;
  codes: AssessmentFactorCode[];
  /**
   * RED when the assessment is current (last 12 months, or its episode is open), else AMBER:
   * DOMAIN.md 7 weighs CSE/CCE/NRM (trafficking) AMBER/RED, and FGM is significant harm with a
   * mandatory reporting duty (FGM Act 2003 s5B). The rest are AMBER.
   */
  redWhenCurrent: boolean;
}

/** DOMAIN.md 2.1 factor codes, in the order the flags are listed. */
export const FACTOR_FLAGS: readonly FactorFlag[] = [
  { code: FlagCode.CSE_RISK, codes: ['11A'], redWhenCurrent: true },
  { code: FlagCode.CCE_RISK, codes: ['24A'], redWhenCurrent: true },
  { code: FlagCode.TRAFFICKING_RISK, codes: ['12A'], redWhenCurrent: true },
  { code: FlagCode.FGM_RISK, codes: ['22A'], redWhenCurrent: true },
  { code: FlagCode.GANGS_RISK, codes: ['13A'], redWhenCurrent: false },
  { code: FlagCode.GOING_MISSING_RISK, codes: ['10A'], redWhenCurrent: false },
  { code: FlagCode.DOMESTIC_ABUSE_FACTOR, codes: ['3A', '3B', '3C'], redWhenCurrent: false },
  { code: FlagCode.FAITH_BASED_ABUSE_RISK, codes: ['23A'], redWhenCurrent: false },
  { code: FlagCode.PARENTAL_MENTAL_HEALTH_FACTOR, codes: ['4B'], redWhenCurrent: false },
  { code: FlagCode.PARENTAL_SUBSTANCE_MISUSE_FACTOR, codes: ['1B', '2B'], redWhenCurrent: false },
];

/** One flag per factor family identified at the person's latest assessment in the last two years, dated by that assessment. */
export function assessmentFactorFlags(person: PersonDetails, asOf: string): Flag[] {
  const assessment = latestAssessment(person, asOf);
  if (!assessment) return [];
  return FACTOR_FLAGS.flatMap(({ code, codes, redWhenCurrent }) => {
    const found = codes.filter((factor) => assessment.factors.has(factor));
    if (found.length === 0) return [];
    const detail = found.map((factor) => `${ASSESSMENT_FACTORS[factor]} (${factor})`).join('; ');
    return [flag(code, redWhenCurrent && assessment.current ? RED : AMBER,
      `Social care assessment of ${assessment.startDate} identified ${detail}`, assessment.startDate)];
  });
}
