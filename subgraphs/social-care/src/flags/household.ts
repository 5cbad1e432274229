import type { Flag } from '@mash/shared';
import type { AssessmentFactorCode } from '../entities/code-lists';
import { currentCpPlan, currentLookedAfterEpisode, recentFactors } from '../records/current';
import type { PersonDetails } from '../records/load';
import { AMBER, flag, FlagCode } from './flag';

/**
 * The "toxic trio" (DOMAIN.md 2.5): domestic abuse, parental substance misuse and parental mental
 * health identified at any recent assessment of anyone in the household. Any one is worth knowing;
 * the summary says how many of the three are present.
 */
const TRIO: { element: string; codes: AssessmentFactorCode[] }[] = [
  { element: 'domestic abuse', codes: ['3A', '3B', '3C'] },
  { element: 'parental substance misuse', codes: ['1B', '2B'] },
  { element: 'parental mental health', codes: ['4B'] },
];

export function toxicTrioFlag(person: PersonDetails, asOf: string): Flag | null {
  const codes = new Set([person, ...person.household].flatMap((member) => recentFactors(member, asOf).map((factor) => factor.code)));
  const present = TRIO.filter(({ codes: trio }) => trio.some((code) => codes.has(code)));
  if (present.length === 0) return null;
  const found = present.map(({ element, codes: trio }) => `${element} (${trio.filter((code) => codes.has(code)).join(', ')})`);
  return flag(FlagCode.TOXIC_TRIO, AMBER,
    `Household assessments identified ${found.join('; ')}: ${present.length} of the 3 toxic-trio factors`);
}

/** Think family: another child at the address on a plan or in care. Which child is not disclosed. */
export function householdChildrenFlags(person: PersonDetails, asOf: string): Flag[] {
  const flags: Flag[] = [];
  const others = person.household.filter((member) => member.id !== person.id);
  if (!currentCpPlan(person, asOf) && others.some((member) => currentCpPlan(member, asOf))) {
    flags.push(flag(FlagCode.HOUSEHOLD_CHILD_CP_PLAN, AMBER, 'Another child in the household is on a child protection plan'));
  }
  if (!currentLookedAfterEpisode(person, asOf) && others.some((member) => currentLookedAfterEpisode(member, asOf))) {
    flags.push(flag(FlagCode.HOUSEHOLD_CHILD_LOOKED_AFTER, AMBER, 'Another child from the household is looked after'));
  }
  return flags;
}
