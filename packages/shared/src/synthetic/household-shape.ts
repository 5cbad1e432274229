import type { HouseholdRole } from './types';
import { FEMALE_NAMES, HERITAGE_NAMES, MALE_NAMES } from './given-names';
import type { Rng } from './random';
import { weighted } from './random';
import type { Heritage } from './surnames';
import { pickHeritage, SURNAMES, surnameForSex } from './surnames';

/** A household member before dates and identifiers are given. */
export interface MemberDraft {
  role: HouseholdRole;
  age: number;
  female: boolean;
  givenName: string;
  familyName: string;
  /** Index of the earlier member this one is a twin of: they share a date of birth. */
  twinOf?: number;
}

export type Shape = 'FAMILY' | 'STEP_FAMILY' | 'SINGLE_PARENT' | 'KINSHIP' | 'GROWN_UP_CHILDREN' | 'COUPLE' | 'OLDER_COUPLE' | 'SINGLE';

/** Mostly two adults with children, then single parents, couples and people living alone. */
const SHAPES: readonly (readonly [Shape, number])[] = [
  ['FAMILY', 34], ['STEP_FAMILY', 6], ['SINGLE_PARENT', 14], ['KINSHIP', 2], ['GROWN_UP_CHILDREN', 7],
  ['COUPLE', 16], ['OLDER_COUPLE', 7], ['SINGLE', 14],
];
const CHILD_COUNTS: readonly (readonly [number, number])[] = [[1, 35], [2, 40], [3, 18], [4, 7]];

export class HouseholdDraft {
  readonly members: MemberDraft[] = [];
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng, readonly heritage: Heritage, readonly surname: string) {}

  givenName(female: boolean): string {
    const own = HERITAGE_NAMES[this.heritage][female ? 'female' : 'male'];
    const pool = own.length > 0 && this.rng.chance(0.7) ? own : female ? FEMALE_NAMES : MALE_NAMES;
    let name = this.rng.pick(pool);
    while (this.used.has(name)) name = this.rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    this.used.add(name);
    return name;
  }

  add(role: HouseholdRole, age: number, female: boolean, surname = this.surname, twinOf?: number): MemberDraft {
    const member = { role, age, female, givenName: this.givenName(female), familyName: surnameForSex(surname, female), twinOf };
    this.members.push(member);
    return member;
  }

  /** Children born when the birth parent was 18-44; now and then a twin of the previous child. */
  addChildren(count: number, birthParentAge: number, surname = this.surname): void {
    const oldest = Math.min(17, birthParentAge - 18);
    const youngest = Math.max(0, birthParentAge - 44);
    for (let i = 0; i < count && this.members.length < 6 && youngest <= oldest; i++) {
      const previous = this.members.length - 1;
      const twin = i > 0 && this.rng.chance(0.03);
      const age = twin ? this.members[previous].age : this.siblingAge(youngest, oldest);
      this.add('CHILD', age, this.rng.chance(0.5), surname, twin ? previous : undefined);
    }
  }

  /** Siblings other than twins differ in age where the window allows it. */
  private siblingAge(youngest: number, oldest: number): number {
    const taken = new Set(this.members.filter((m) => m.role === 'CHILD').map((m) => m.age));
    let age = this.rng.int(youngest, oldest);
    for (let tries = 0; taken.has(age) && tries < 10; tries++) age = this.rng.int(youngest, oldest);
    return age;
  }

  otherSurname(): string {
    const heritage = this.rng.chance(0.7) ? this.heritage : pickHeritage(this.rng);
    return this.rng.pick(SURNAMES[heritage]);
  }
}

export function draftHousehold(rng: Rng, shape: Shape = weighted(rng, SHAPES)): HouseholdDraft {
  const heritage = pickHeritage(rng);
  const draft = new HouseholdDraft(rng, heritage, rng.pick(SURNAMES[heritage]));
  const children = weighted(rng, CHILD_COUNTS);
  const sameSex = rng.chance(0.04);
  switch (shape) {
    case 'FAMILY':
    case 'STEP_FAMILY': {
      // In a step-family the partner is not the children's parent and keeps their own surname.
      const step = shape === 'STEP_FAMILY';
      const motherAge = rng.int(22, 50);
      const motherSurname = rng.chance(step ? 0.4 : 0.7) ? draft.surname : draft.otherSurname();
      const partnerSurname = step ? draft.otherSurname() : draft.surname;
      draft.add('PARENT', motherAge, true, motherSurname);
      draft.add(step ? 'PARTNER' : 'PARENT', Math.min(70, Math.max(18, motherAge + rng.int(-3, 6))), sameSex, partnerSurname);
      // Some children carry both parents' surnames: real double-barrelled names, not a variant.
      const doubleBarrelled = !step && motherSurname !== partnerSurname && rng.chance(0.15);
      const childSurname = doubleBarrelled ? `${partnerSurname}-${motherSurname}` : step ? motherSurname : partnerSurname;
      draft.addChildren(children, motherAge, childSurname);
      break;
    }
    case 'SINGLE_PARENT': {
      const age = rng.int(19, 52);
      const female = rng.chance(0.88);
      draft.add('PARENT', age, female);
      const fatherSurname = draft.otherSurname();
      const childSurname = female && rng.chance(0.25) ? fatherSurname : draft.surname;
      draft.addChildren(children, Math.max(19, female ? age : age - rng.int(0, 4)), childSurname);
      break;
    }
    case 'KINSHIP': {
      const age = rng.int(52, 70);
      draft.add('CARER', age, true);
      if (rng.chance(0.6)) draft.add('CARER', Math.min(70, age + rng.int(-2, 4)), false);
      draft.addChildren(rng.int(1, 2), rng.int(20, 40));
      break;
    }
    case 'GROWN_UP_CHILDREN': {
      const age = rng.int(44, 66);
      draft.add('PARENT', age, true);
      if (rng.chance(0.75)) draft.add('PARENT', Math.min(70, age + rng.int(-2, 5)), false);
      const teen = age <= 58 && rng.chance(0.3);
      for (let i = rng.int(1, 2); i > 0; i--) {
        draft.add(teen ? 'SIBLING' : 'OTHER_ADULT', rng.int(18, Math.min(26, age - 18)), rng.chance(0.5));
      }
      if (teen) draft.addChildren(1, age);
      break;
    }
    case 'COUPLE':
    case 'OLDER_COUPLE': {
      const age = shape === 'COUPLE' ? rng.int(18, 65) : rng.int(60, 70);
      draft.add('PARTNER', age, true, rng.chance(0.6) ? draft.surname : draft.otherSurname());
      draft.add('PARTNER', Math.min(70, Math.max(18, age + rng.int(-3, 5))), sameSex);
      break;
    }
    case 'SINGLE':
      draft.add('OTHER_ADULT', rng.chance(0.3) ? rng.int(60, 70) : rng.int(18, 70), rng.chance(0.5));
      break;
  }
  return draft;
}
