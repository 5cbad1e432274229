import { ageOn, dateOfBirthForAge, isSchoolAge, receptionYear } from './dates';
import type { HouseholdDraft } from './household-shape';
import type { IdentifierAllocator } from './identifiers';
import type { Rng } from './random';
import type { HouseholdTraits, SyntheticPerson } from './types';

const daysApart = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

export interface PeopleContext {
  rng: Rng;
  ids: IdentifierAllocator;
  referenceDate: string;
  nextPersonKey(): string;
}

/**
 * Dates, identifiers, gaps and which agencies know each member. Demo households are known to
 * every agency with no gaps, so a demonstration never depends on a dice roll.
 */
export function buildMembers(
  ctx: PeopleContext, draft: HouseholdDraft, householdKey: string, traits: HouseholdTraits, demo: boolean,
): SyntheticPerson[] {
  const { rng, ids, referenceDate } = ctx;
  const refYear = Number(referenceDate.slice(0, 4));
  // Recently arrived families (including UASC placements) have no NHS numbers or GP yet.
  const newArrivals = !demo && rng.chance(0.006);
  // About 1.2% of school-age children are home-educated; it is a family decision, so siblings share it.
  const schoolAgeChildren = draft.members.filter((m) => isSchoolAge(m.age)).length;
  const homeEducated = !demo && rng.chance(0.012 * schoolAgeChildren);
  const policeHousehold = demo || traits.domesticAbuse !== null || traits.missingChild || traits.exploitation !== null;
  const socialCareHousehold = demo || traits.childInNeed || traits.childProtectionPlan || traits.earlyHelp ||
    traits.lookedAfterChild || traits.adultSafeguarding || rng.chance(0.02);
  const adults = draft.members.filter((m) => m.age >= 18);
  // The DA perpetrator is usually, not always, a male adult of the household.
  const perpetrator = traits.domesticAbuse ? (adults.find((m) => !m.female) ?? adults[0]) : undefined;
  const dates: string[] = [];
  const childDates: string[] = [];
  // Siblings who are not twins are born at least ~9 months apart.
  const birthDate = (age: number, siblings: string[]): string => {
    let date = dateOfBirthForAge(rng, age, referenceDate);
    for (let tries = 0; tries < 20 && siblings.some((other) => daysApart(date, other) < 280); tries++) {
      date = dateOfBirthForAge(rng, age, referenceDate);
    }
    return date;
  };

  return draft.members.map((member) => {
    const siblings = member.role === 'CHILD' ? childDates : [];
    const dateOfBirth = member.twinOf === undefined ? birthDate(member.age, siblings) : dates[member.twinOf];
    dates.push(dateOfBirth);
    if (member.role === 'CHILD') childDates.push(dateOfBirth);
    const age = ageOn(dateOfBirth, referenceDate);
    const adult = age >= 18;
    const schoolAge = isSchoolAge(age);
    const notRegisteredWithGp = !demo && (newArrivals || rng.chance(adult ? 0.04 : 0.02));
    const electiveHomeEducation = schoolAge && homeEducated;
    const notOnSchoolRoll = schoolAge && !homeEducated && !demo && rng.chance(newArrivals ? 0.5 : 0.012);
    // Children missing education who once attended a school keep that school's UPN.
    const hasUpn = schoolAge && (!notOnSchoolRoll || (!newArrivals && rng.chance(0.5)));
    const temporaryUpn = !demo && (newArrivals || rng.chance(0.01));
    const knownToPolice = policeHousehold || (adult && rng.chance(0.1));
    const offender = adult && knownToPolice &&
      (member === perpetrator ? (demo ? traits.domesticAbuse === 'HIGH' : rng.chance(0.7)) : !policeHousehold && rng.chance(0.35));
    const birthYear = Number(dateOfBirth.slice(0, 4));
    return {
      key: ctx.nextPersonKey(),
      householdKey,
      role: member.role,
      givenName: member.givenName,
      familyName: member.familyName,
      dateOfBirth,
      gender: member.female ? 'FEMALE' : 'MALE',
      nhsNumber: newArrivals ? null : ids.nhsNumber(),
      upn: hasUpn ? ids.upn(receptionYear(dateOfBirth), temporaryUpn) : null,
      pncId: offender ? ids.pncId(rng.int(Math.max(birthYear + 16, 1995), refYear)) : null,
      schoolAge,
      knownTo: {
        police: knownToPolice,
        'social-care': socialCareHousehold,
        health: !notRegisteredWithGp,
        education: demo || (schoolAge && !notOnSchoolRoll && !electiveHomeEducation),
      },
      gaps: { notRegisteredWithGp, notOnSchoolRoll, electiveHomeEducation },
    };
  });
}
