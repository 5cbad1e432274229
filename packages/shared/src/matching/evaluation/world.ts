import { createAddressAllocator } from '../../synthetic/addresses';
import { dateOfBirthForAge, isSchoolAge, receptionYear } from '../../synthetic/dates';
import { FEMALE_NAMES, MALE_NAMES } from '../../synthetic/given-names';
import type { HouseholdDraft, MemberDraft } from '../../synthetic/household-shape';
import { createIdentifierAllocator } from '../../synthetic/identifiers';
import { createRng } from '../../synthetic/random';
import type { Rng } from '../../synthetic/random';
import { ALL_SURNAMES, surnameForSex } from '../../synthetic/surnames';
import type { AgencyName, HouseholdRole } from '../../synthetic/types';
import type { PersonFacts } from '../types';

/** Which of a person's identifiers an agency's record holds. */
export interface Holding {
  nhsNumber: boolean;
  upn: boolean;
  pncId: boolean;
}

/** Fields an agency records, for noting where a variation fixes what every record says. */
export type RecordedField = 'givenName' | 'familyName' | 'dateOfBirth' | 'gender' | 'postcode' | 'upn';

/** One person as they are, and which agencies hold a record of them. */
export interface WorldPerson {
  key: string;
  householdKey: string;
  role: HouseholdRole;
  givenName: string;
  middleName: string | null;
  familyName: string;
  /** A surname they had before (maiden name, a parent's earlier surname), which some records keep. */
  formerFamilyName: string | null;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  nhsNumber: string | null;
  /** Permanent UPN, school-age children only. */
  upn: string | null;
  pncId: string | null;
  twinKey: string | null;
  /** No agency holds this person, and none may be made to (a true non-match). */
  unknown: boolean;
  /** Absent: the agency holds no record of this person. */
  held: Partial<Record<AgencyName, Holding>>;
  /** What every agency recorded in place of the value above (a variation's doing). */
  recorded: Partial<Pick<PersonFacts, 'givenName' | 'familyName' | 'upn'>>;
  /** Fields a variation is about: agencies' own recording slips leave them alone. */
  steady: Set<RecordedField>;
}

export interface WorldHousehold {
  key: string;
  postcode: string;
  /** Where the family lived before; a lagging record still shows it. */
  previousPostcode: string | null;
  surname: string;
  members: WorldPerson[];
}

export interface World {
  referenceDate: string;
  households: WorldHousehold[];
  people: WorldPerson[];
}

/** Share of people of an age each agency holds, before a case decides for its own people. */
const HELD_RATE: Record<AgencyName, (age: number) => number> = {
  health: () => 0.97,
  education: (age) => (isSchoolAge(age) ? 0.96 : 0),
  police: (age) => (age >= 18 ? 0.12 : age >= 12 ? 0.06 : 0.02),
  'social-care': (age) => (age < 18 ? 0.12 : 0.05),
};
const AGENCY_NAMES = Object.keys(HELD_RATE) as AgencyName[];

export interface AddOptions {
  /** Outward code for the address (a same-town case); random by population otherwise. */
  outward?: string;
  /** Nobody holds these people (a true non-match). */
  unknown?: boolean;
  /** The family's surname, when a case renamed the drafted family. */
  surname?: string;
}

export interface WorldBuilder {
  readonly referenceDate: string;
  readonly households: WorldHousehold[];
  /** Dates, identifiers, an address and agency records for a drafted household. */
  add(draft: HouseholdDraft, rng: Rng, options?: AddOptions): WorldHousehold;
  /** One more member of an existing household. */
  addMember(household: WorldHousehold, member: MemberDraft, rng: Rng, options?: AddOptions): WorldPerson;
  /** The agency holds this person, with at least the identifiers named. */
  hold(person: WorldPerson, agency: AgencyName, ids?: Partial<Holding>): void;
  release(person: WorldPerson, agency: AgencyName): void;
  /** The person's identifier of this kind, allocating one (checksum-valid) if they had none. */
  ensureIdentifier(person: WorldPerson, kind: keyof Holding): string;
  /** A new address for a family that moves: half in the same town, half elsewhere. */
  newPostcode(household: WorldHousehold): string;
  setDateOfBirth(person: WorldPerson, dateOfBirth: string): void;
  finish(): World;
}

/** The family's surname as a member of that sex carries it (Kowalski/Kowalska, Singh/Kaur, Ivanov/Ivanova). */
export function surnameFor(surname: string, female: boolean): string {
  return female ? surnameForSex(surname, true).replace(/ov$/, 'ova') : surname;
}

export function createWorldBuilder(seed: number, referenceDate: string): WorldBuilder {
  const rng = createRng(`${seed}:world`);
  const ids = createIdentifierAllocator(rng);
  const addresses = createAddressAllocator(rng);
  const households: WorldHousehold[] = [];
  const people = new Map<string, WorldPerson>();
  const refYear = Number(referenceDate.slice(0, 4));
  let personCount = 0;

  const ageOf = (person: WorldPerson) => {
    const years = refYear - Number(person.dateOfBirth.slice(0, 4));
    return referenceDate.slice(5) < person.dateOfBirth.slice(5) ? years - 1 : years;
  };

  const defaultHolding = (person: WorldPerson, agency: AgencyName, draw: Rng): Holding => {
    const child = ageOf(person) < 18;
    const nhs = person.nhsNumber !== null;
    const upn = person.upn !== null;
    if (agency === 'health') return { nhsNumber: nhs && draw.chance(0.99), upn: false, pncId: false };
    if (agency === 'education') return { nhsNumber: false, upn, pncId: false };
    if (agency === 'police') return { nhsNumber: nhs && draw.chance(0.25), upn: false, pncId: person.pncId !== null };
    return { nhsNumber: nhs && draw.chance(child ? 0.85 : 0.5), upn: upn && draw.chance(0.7), pncId: false };
  };

  const ensureIdentifier = (person: WorldPerson, kind: keyof Holding): string => {
    if (kind === 'nhsNumber') person.nhsNumber ??= ids.nhsNumber();
    if (kind === 'upn') person.upn ??= ids.upn(receptionYear(person.dateOfBirth), false);
    if (kind === 'pncId' && person.pncId === null) {
      // England's age of criminal responsibility is 10: no PNC record before then.
      const earliest = Math.max(Number(person.dateOfBirth.slice(0, 4)) + 10, 1995);
      if (earliest > refYear) throw new Error(`${person.key} is too young for a PNC ID.`);
      person.pncId = ids.pncId(rng.int(earliest, refYear));
    }
    return person[kind]!;
  };

  const hold = (person: WorldPerson, agency: AgencyName, wanted: Partial<Holding> = {}) => {
    if (person.unknown) throw new Error(`${person.key} is a true non-match: no agency may hold them.`);
    for (const kind of ['nhsNumber', 'upn', 'pncId'] as const) if (wanted[kind]) ensureIdentifier(person, kind);
    const holding = person.held[agency] ?? defaultHolding(person, agency, rng);
    person.held[agency] = {
      nhsNumber: holding.nhsNumber || !!wanted.nhsNumber,
      upn: holding.upn || !!wanted.upn,
      pncId: holding.pncId || !!wanted.pncId,
    };
  };

  const addMember = (household: WorldHousehold, member: MemberDraft, draw: Rng, options: AddOptions = {}, twin?: WorldPerson) => {
    const female = member.female;
    const names = female ? FEMALE_NAMES : MALE_NAMES;
    let middleName: string | null = draw.chance(0.35) ? draw.pick(names) : null;
    if (middleName === member.givenName) middleName = null;
    const person: WorldPerson = {
      key: `P${String(++personCount).padStart(6, '0')}`,
      householdKey: household.key,
      role: member.role,
      givenName: member.givenName,
      middleName,
      familyName: member.familyName,
      formerFamilyName: null,
      dateOfBirth: twin?.dateOfBirth ?? dateOfBirthForAge(draw, member.age, referenceDate),
      gender: female ? 'FEMALE' : 'MALE',
      nhsNumber: draw.chance(0.99) ? ids.nhsNumber() : null,
      upn: null,
      pncId: null,
      twinKey: twin?.key ?? null,
      unknown: !!options.unknown,
      held: {},
      recorded: {},
      steady: new Set(),
    };
    if (twin) twin.twinKey = person.key;
    const age = ageOf(person);
    if (isSchoolAge(age) && draw.chance(0.97)) person.upn = ids.upn(receptionYear(person.dateOfBirth), false);
    const married = age >= 18 && female && member.familyName === surnameFor(household.surname, true);
    if ((married && draw.chance(0.6)) || (!married && draw.chance(0.03))) {
      let former = draw.pick(ALL_SURNAMES);
      while (surnameFor(former, female) === member.familyName) former = draw.pick(ALL_SURNAMES);
      person.formerFamilyName = surnameFor(former, female);
    }
    for (const agency of options.unknown ? [] : AGENCY_NAMES) {
      if (!draw.chance(HELD_RATE[agency](age))) continue;
      if (agency === 'police' && age >= 12 && draw.chance(age >= 18 ? 0.45 : 0.2)) ensureIdentifier(person, 'pncId');
      person.held[agency] = defaultHolding(person, agency, draw);
    }
    household.members.push(person);
    people.set(person.key, person);
    return person;
  };

  return {
    referenceDate,
    households,
    add(draft, draw, options = {}) {
      const address = addresses.next(options.outward);
      const household: WorldHousehold = {
        key: `H${String(households.length + 1).padStart(5, '0')}`,
        postcode: address.postcode,
        previousPostcode: draw.chance(0.1) ? addresses.previous(address).postcode : null,
        surname: options.surname ?? draft.surname,
        members: [],
      };
      households.push(household);
      draft.members.forEach((member) => {
        const twin = member.twinOf === undefined ? undefined : household.members[member.twinOf];
        addMember(household, member, draw, options, twin);
      });
      return household;
    },
    addMember: (household, member, draw, options) => addMember(household, member, draw, options),
    hold,
    release: (person, agency) => delete person.held[agency],
    ensureIdentifier,
    newPostcode: (household) => addresses.previous({ postcode: household.postcode, addressLine: '', uprn: '' }).postcode,
    setDateOfBirth(person, dateOfBirth) {
      person.dateOfBirth = dateOfBirth;
      if (person.twinKey) people.get(person.twinKey)!.dateOfBirth = dateOfBirth;
    },
    finish: () => ({ referenceDate, households, people: [...people.values()] }),
  };
}
