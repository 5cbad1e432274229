import { ageOn } from '../../synthetic/dates';
import { FEMALE_NAMES, MALE_NAMES } from '../../synthetic/given-names';
import { draftHousehold } from '../../synthetic/household-shape';
import type { MemberDraft } from '../../synthetic/household-shape';
import { weighted } from '../../synthetic/random';
import { surnameForSex } from '../../synthetic/surnames';
import { addDays } from './edits';
import { findDraft, oneMember, referralOf, renameFamily, single, targetAges } from './case-people';
import type { CaseContext, CaseDraft } from './case-people';
import { COMMON_NAMES, LOOK_ALIKE_TWINS } from './name-lists';
import { surnameFor } from './world';
import type { WorldHousehold } from './world';

// The variations about other people: a twin, a namesake in the same town, someone no agency holds.

/** Twins' ages the target agency holds: police know teenage and adult twins, education school-age ones. */
function twinAge(ctx: CaseContext): number {
  if (ctx.target === 'education') return ctx.rng.int(5, 16);
  if (ctx.target === 'police') return ctx.rng.int(12, 30);
  if (ctx.target === 'social-care') return ctx.rng.int(0, 17);
  return ctx.rng.int(0, 40);
}

/**
 * Twins with names that look alike on paper (Jayden/Jaylen, Amelia/Amelie, Charlie/Charlotte):
 * the referral names one, and the other must never be MATCHED. In a quarter of cases the target
 * agency holds only the other twin, where a match would be the worst error of all.
 */
export function lookAlikeTwins(ctx: CaseContext): CaseDraft {
  const [nameA, nameB, sexes] = LOOK_ALIKE_TWINS[ctx.ordinal % LOOK_ALIKE_TWINS.length];
  const femaleA = sexes === 'female';
  const femaleB = sexes !== 'male';
  const age = twinAge(ctx);
  const drafted = draftHousehold(ctx.rng, 'FAMILY');
  const first = drafted.members.findIndex((m) => m.role === 'CHILD');
  const twinA = drafted.members[first];
  const surname = twinA.familyName === surnameForSex(drafted.surname, twinA.female) ? drafted.surname : twinA.familyName;
  for (const m of drafted.members) if (m.twinOf === first) m.twinOf = undefined;
  Object.assign(twinA, { twinOf: undefined, age, female: femaleA, givenName: nameA, familyName: surnameFor(surname, femaleA) });
  const twinB = drafted.add('CHILD', age, femaleB, surname, first);
  Object.assign(twinB, { givenName: nameB, familyName: surnameFor(surname, femaleB) });

  const household = ctx.world.add(drafted, ctx.rng);
  const twins = [household.members[first], household.members[household.members.length - 1]];
  const [person, sibling] = ctx.rng.shuffle(twins);
  for (const twin of twins) ctx.world.hold(twin, ctx.target);
  const onlyOther = ctx.rng.chance(0.25);
  if (onlyOther) ctx.world.release(person, ctx.target);
  const detail = `${person.givenName}/${sibling.givenName}${onlyOther ? ', only the other twin held' : ''}`;
  return { person, subject: referralOf(ctx.rng, { person, household }), detail, sibling };
}

/** A date in the same year as `date`, at least a week away from it, and not after `today`. */
function sameYearElsewhere(ctx: CaseContext, date: string): string {
  const start = `${date.slice(0, 4)}-01-01`;
  for (;;) {
    const other = addDays(start, ctx.rng.int(0, 364));
    const apart = Math.abs(Date.parse(other) - Date.parse(date)) / 86_400_000;
    if (other.slice(0, 4) === date.slice(0, 4) && apart >= 7 && other <= ctx.world.referenceDate) return other;
  }
}

/**
 * Two unrelated people with the same common given and family name, born the same year, living
 * in the same town: the referral is about one; in a quarter of cases the agency holds only the other.
 */
export function sameNameSameYear(ctx: CaseContext): CaseDraft {
  const female = ctx.rng.chance(0.5);
  const givenName = ctx.rng.pick(COMMON_NAMES[female ? 'female' : 'male']);
  const surname = ctx.rng.pick(COMMON_NAMES.surnames);
  const named = (member: MemberDraft, family: Parameters<typeof renameFamily>[0]) => {
    renameFamily(family, surname);
    Object.assign(member, { givenName, familyName: surnameFor(surname, female) });
    return surname;
  };
  const at = single(ctx, { fits: (m) => m.female === female, prepare: named });
  const age = ageOn(at.person.dateOfBirth, ctx.world.referenceDate);
  // Born the same year, so within a year of the same age: whatever the target holds of one, it can hold of the other.
  const { draft: other, picks } = findDraft(ctx.rng, oneMember(ctx.rng, (m) => m.female === female && Math.abs(m.age - age) <= 1));
  named(other.members[picks[0]], other);
  const household = ctx.world.add(other, ctx.rng, { outward: at.household.postcode.split(' ')[0], surname });
  const namesake = household.members[picks[0]];
  ctx.world.setDateOfBirth(namesake, sameYearElsewhere(ctx, at.person.dateOfBirth));
  ctx.world.hold(namesake, ctx.target);
  const onlyNamesake = ctx.rng.chance(0.25);
  if (onlyNamesake) ctx.world.release(at.person, ctx.target);
  return { person: at.person, subject: referralOf(ctx.rng, at), detail: onlyNamesake ? 'only the namesake held' : 'both held', namesake };
}

const knownHousehold = (ctx: CaseContext): WorldHousehold => {
  for (;;) {
    const household = ctx.rng.pick(ctx.world.households);
    if (household.members.some((m) => Object.keys(m.held).length > 0)) return household;
  }
};

/**
 * Someone no agency holds: a family new to the area, a family sharing a surname and town with
 * one the agencies know, or a newcomer to a known household (a new partner, a baby, a child who
 * has come to live with relatives).
 */
export function nonMatch(ctx: CaseContext): CaseDraft {
  const kind = weighted(ctx.rng, [['unrelated', 35], ['same surname and town', 40], ['newcomer to a known household', 25]] as const);
  const ages = targetAges(ctx);
  if (kind === 'newcomer to a known household') {
    const household = knownHousehold(ctx);
    const female = ctx.rng.chance(0.5);
    const child = ctx.target === 'education' || (ctx.target !== 'police' && ctx.rng.chance(0.5));
    const age = ctx.target === 'education' ? ctx.rng.int(5, 16) : child ? ctx.rng.int(0, 11) : ctx.rng.int(20, 50);
    const taken = new Set(household.members.map((m) => m.givenName));
    let givenName = ctx.rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    while (taken.has(givenName)) givenName = ctx.rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const member: MemberDraft = { role: child ? 'CHILD' : 'PARTNER', age, female, givenName, familyName: surnameFor(household.surname, female) };
    const person = ctx.world.addMember(household, member, ctx.rng, { unknown: true });
    return { person, subject: referralOf(ctx.rng, { person, household }), detail: kind };
  }
  const near = kind === 'same surname and town' ? knownHousehold(ctx) : undefined;
  const { draft: drafted, picks } = findDraft(ctx.rng, oneMember(ctx.rng, ages));
  if (near) renameFamily(drafted, near.surname);
  const household = ctx.world.add(drafted, ctx.rng, { unknown: true, outward: near?.postcode.split(' ')[0], surname: near?.surname });
  const person = household.members[picks[0]];
  return { person, subject: referralOf(ctx.rng, { person, household }), detail: kind };
}

