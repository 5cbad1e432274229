import { isSchoolAge } from '../../synthetic/dates';
import { draftHousehold } from '../../synthetic/household-shape';
import type { HouseholdDraft, MemberDraft, Shape } from '../../synthetic/household-shape';
import type { Rng } from '../../synthetic/random';
import { surnameForSex } from '../../synthetic/surnames';
import type { AgencyName } from '../../synthetic/types';
import type { PersonFacts } from '../types';
import { surnameFor } from './world';
import type { Holding, WorldBuilder, WorldHousehold, WorldPerson } from './world';

// Finding and shaping the people a case is about. A case draws its own households (with the
// synthetic population's household shapes and names), adjusts what the variation needs, and
// makes sure the agency it is aimed at holds the people that matter.

export type IdentifierField = keyof Holding;

export interface CaseContext {
  rng: Rng;
  /** This case's place among the cases of its variation (0, 1, ...): lists are cycled by it, so every entry is used. */
  ordinal: number;
  /** The agency this case is aimed at: it holds the case's people, whatever the base rates say. */
  target: AgencyName;
  world: WorldBuilder;
}

export interface CasePerson {
  person: WorldPerson;
  household: WorldHousehold;
}

/** Ages the target agency holds: school age for education, 12 and over for police. */
export function targetAges(ctx: CaseContext): (member: MemberDraft) => boolean {
  if (ctx.target === 'education') return (m) => isSchoolAge(m.age);
  if (ctx.target === 'police') return (m) => m.age >= 12;
  if (ctx.target === 'social-care') {
    const adult = ctx.rng.chance(0.25);
    return (m) => (m.age >= 18) === adult;
  }
  return () => true;
}

const isTwin = (draft: HouseholdDraft, index: number) =>
  draft.members[index].twinOf !== undefined || draft.members.some((m) => m.twinOf === index);

/** Drafts households until one has members the case can use; `choose` returns their indices or null. */
export function findDraft(rng: Rng, choose: (draft: HouseholdDraft) => number[] | null, shape?: Shape): { draft: HouseholdDraft; picks: number[] } {
  for (let tries = 0; tries < 1000; tries++) {
    const draft = draftHousehold(rng, shape);
    const picks = choose(draft);
    if (picks) return { draft, picks };
  }
  throw new Error('No drafted household had the members this case needs; loosen its conditions.');
}

/** One member (never a twin) that fits. */
export const oneMember = (rng: Rng, fits: (m: MemberDraft) => boolean) => (draft: HouseholdDraft): number[] | null => {
  const fitting = draft.members.flatMap((m, i) => (fits(m) && !isTwin(draft, i) ? [i] : []));
  return fitting.length > 0 ? [rng.pick(fitting)] : null;
};

/** Two children of the household (not twins) that both fit, in random order. */
export const twoSiblings = (rng: Rng, fits: (m: MemberDraft) => boolean) => (draft: HouseholdDraft): number[] | null => {
  const fitting = draft.members.flatMap((m, i) => ((m.role === 'CHILD' || m.role === 'SIBLING') && fits(m) && !isTwin(draft, i) ? [i] : []));
  return fitting.length >= 2 ? rng.shuffle(fitting).slice(0, 2) : null;
};

/** Renames the drafted family: every member carrying its surname takes the new one. */
export function renameFamily(draft: HouseholdDraft, surname: string): void {
  for (const member of draft.members) {
    if (member.familyName === surnameForSex(draft.surname, member.female)) member.familyName = surnameFor(surname, member.female);
  }
}

export interface SingleOptions {
  fits?: (member: MemberDraft) => boolean;
  /** In place of the target agency's usual ages. */
  ages?: (member: MemberDraft) => boolean;
  /** Changes to the chosen member (and its household) before dates and identifiers are drawn. */
  prepare?: (member: MemberDraft, draft: HouseholdDraft) => string | void;
  ids?: Partial<Holding>;
}

/** One person the target agency holds, in a household of their own drawing. */
export function single(ctx: CaseContext, options: SingleOptions = {}): CasePerson {
  const ages = options.ages ?? targetAges(ctx);
  const { draft, picks } = findDraft(ctx.rng, oneMember(ctx.rng, (m) => ages(m) && (options.fits?.(m) ?? true)));
  const surname = options.prepare?.(draft.members[picks[0]], draft) ?? undefined;
  const household = ctx.world.add(draft, ctx.rng, { surname });
  const person = household.members[picks[0]];
  ctx.world.hold(person, ctx.target, options.ids);
  return { person, household };
}

/** The referral as the hub would send it: the person's true facts, with the middle name half the time, no identifiers. */
export function referralOf(rng: Rng, { person, household }: CasePerson): PersonFacts {
  return {
    givenName: person.middleName && rng.chance(0.5) ? `${person.givenName} ${person.middleName}` : person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    postcode: household.postcode,
    nhsNumber: null,
    upn: null,
    pncId: null,
  };
}

/** Replaces the first given name, keeping any middle name the referral gave. */
export function withFirstName(givenName: string | null | undefined, first: string): string {
  const rest = (givenName ?? '').split(' ').slice(1);
  return [first, ...rest].join(' ');
}

/** The identifier a referral aimed at this agency would carry: the one the agency keys on. */
export function identifierKind(ctx: CaseContext, owner: WorldPerson): IdentifierField {
  const age = Number(ctx.world.referenceDate.slice(0, 4)) - Number(owner.dateOfBirth.slice(0, 4));
  if (ctx.target === 'health') return 'nhsNumber';
  if (ctx.target === 'education') return 'upn';
  if (ctx.target === 'police') return age >= 13 && ctx.rng.chance(0.6) ? 'pncId' : 'nhsNumber';
  return owner.upn !== null && ctx.rng.chance(0.4) ? 'upn' : 'nhsNumber';
}

/** What a variation makes: the referral, whom it is about, and the records a matcher could confuse them with. */
export interface CaseDraft {
  person: WorldPerson;
  subject: PersonFacts;
  detail: string | null;
  /** Twin and sibling cases: the brother or sister the referral is not about. */
  sibling?: WorldPerson;
  /** The person whose identifier the referral carries, when it is not the referral's own. */
  identifierOwner?: WorldPerson;
  /** Same-name cases: the other person of that name, born the same year in the same town. */
  namesake?: WorldPerson;
  /** Identifier-invalid cases: the field holding the mistyped identifier. */
  invalidField?: IdentifierField;
}

/** The case: the referral is the person's true facts with `change` applied. */
export const caseFor = (ctx: CaseContext, at: CasePerson, change: Partial<PersonFacts>, detail: string | null = null): CaseDraft =>
  ({ person: at.person, subject: { ...referralOf(ctx.rng, at), ...change }, detail });
