import type { Flag } from '@mash/shared';
import type { PersonDetails } from '../records/load';
import { adultAtRiskWithChildrenFlag, openSection42Flag, previousSection42Flag, selfNeglectFlag } from './adults';
import { lookedAfterFlag, openChildInNeedFlag, openCpPlanFlag, previousCpPlanFlag, referralFlag } from './children';
import { openEarlyHelpFlag } from './early-help';
import { assessmentFactorFlags } from './factors';
import { householdChildrenFlags, toxicTrioFlag } from './household';

export { FlagCode } from './flag';

const SEVERITY_ORDER = { RED: 0, AMBER: 1, GREEN: 2 } as const;

/**
 * Every finding for a MATCHED person, most severe first. The household findings weigh what others
 * at the address hold, which the person's own record does not show: that is the point of think
 * family, and they never say which member it is.
 */
export function personFlags(person: PersonDetails, asOf: string): Flag[] {
  const flags = [
    openCpPlanFlag(person, asOf),
    lookedAfterFlag(person, asOf),
    openChildInNeedFlag(person, asOf),
    referralFlag(person, asOf),
    previousCpPlanFlag(person, asOf),
    ...assessmentFactorFlags(person, asOf),
    toxicTrioFlag(person, asOf),
    ...householdChildrenFlags(person, asOf),
    openSection42Flag(person, asOf),
    previousSection42Flag(person, asOf),
    selfNeglectFlag(person, asOf),
    adultAtRiskWithChildrenFlag(person, asOf),
    openEarlyHelpFlag(person, asOf),
  ].filter((found): found is Flag => found !== null);
  return flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
