import type { Flag } from '@mash/shared';
import type { AssessmentFactorCode } from '../entities/code-lists';
import { currentCpPlan, currentLookedAfterEpisode, recentFactors } from '../records/current';
import type { PersonDetails } from '../records/load';
import { AMBER, flag, FlagCode, latest } from './flag';

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
  const identified = [person, ...person.household].flatMap((member) => recentFactors(member, asOf));
  const codes = new Set(identified.map((factor) => factor.code));
  const present = TRIO.filter(({ codes: trio }) => trio.some((code) => codes.has(code)));
  if (present.length === 0) return null;
  const found = present.map(({ element, codes: trio }) => `${element} (${trio.filter((code) => codes.has(code)).join(', ')})`);
  const trioCodes = new Set(TRIO.flatMap(({ codes: trio }) => trio));
  // Dated by the latest assessment that identified one of the three.
  const date = latest(identified.filter((factor) => trioCodes.has(factor.code)).map((factor) => factor.assessedOn));
  return flag(FlagCode.TOXIC_TRIO, AMBER,
    `Household assessments identified ${found.join('; ')}: ${present.length} of the 3 toxic-trio factors`, date);
}

/** Think family: another child at the address on a plan or in care. Which child is not disclosed. */
export function householdChildrenFlags(person: PersonDetails, asOf: string): Flag[] {
  const flags: Flag[] = [];
  const others = person.household.filter((member) => member.id !== person.id);
  // Dated by the latest such plan or episode to start; the summary still names no one.
  const plans = others.flatMap((member) => currentCpPlan(member, asOf) ?? []);
  if (!currentCpPlan(person, asOf) && plans.length > 0) {
    const since = latest(plans.map((plan) => plan.startDate));
    flags.push(flag(FlagCode.HOUSEHOLD_CHILD_CP_PLAN, AMBER, `Another child in the household is on a child protection plan (since ${since})`, since));
  }
  const episodes = others.flatMap((member) => currentLookedAfterEpisode(member, asOf) ?? []);
  if (!currentLookedAfterEpisode(person, asOf) && episodes.length > 0) {
    const since = latest(episodes.map((episode) => episode.startDate));
    flags.push(flag(FlagCode.HOUSEHOLD_CHILD_LOOKED_AFTER, AMBER, `Another child from the household is looked after (since ${since})`, since));
  }
  return flags;
}
