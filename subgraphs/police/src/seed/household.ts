import { createRng, normalisePostcode, type AgencyPersonView, type Household, type Rng, type SyntheticPerson } from '@mash/shared';
import { OccurrenceClassification, OccurrenceRole } from '../entities/codes';
import { plusHours, seedId, type ReferenceCounter, type SeedClock } from './clock';
import type { PoliceRows } from './rows';

export interface KnownMember {
  person: SyntheticPerson;
  /** The police record of the person: their details as police hold them. */
  view: AgencyPersonView;
  nominalId: string;
  age: number;
  /** `createRng('police:' + person.key)`: this person's details never depend on anyone else's. */
  rng: Rng;
}

/** One household while its police records are made. */
export interface HouseholdSeed {
  household: Household;
  /** Members known to police (a non-null `agencyView`), oldest first. */
  members: KnownMember[];
  adults: KnownMember[];
  children: KnownMember[];
  /** For household-level events; per-person details use the member's own rng. */
  rng: Rng;
  clock: SeedClock;
  refs: ReferenceCounter;
  rows: PoliceRows;
  isDemoRed: boolean;
  /** A think-family scenario household: only its members' scenario facts make records of concern. */
  isScenario: boolean;
  /** Keys of members recorded as suspect or offender: they have a PNC record. */
  suspects: Set<string>;
  /** Keys of members on at least one occurrence. */
  onOccurrence: Set<string>;
}

export function householdSeed(
  household: Household,
  view: (person: SyntheticPerson) => AgencyPersonView | null,
  context: Pick<HouseholdSeed, 'clock' | 'refs' | 'rows' | 'isDemoRed' | 'isScenario'>,
): HouseholdSeed {
  const members = household.members
    .map((person) => ({ person, view: view(person) }))
    .filter((m): m is { person: SyntheticPerson; view: AgencyPersonView } => m.view !== null)
    .map(({ person, view }) => ({
      person,
      view,
      nominalId: seedId(`nominal:${person.key}`),
      age: context.clock.ageOf(person.dateOfBirth),
      rng: createRng(`police:${person.key}`),
    }))
    .sort((a, b) => b.age - a.age);
  return {
    ...context,
    household,
    members,
    adults: members.filter((m) => m.age >= 18),
    children: members.filter((m) => m.age < 18),
    rng: createRng(`police:${household.key}`),
    suspects: new Set(),
    onOccurrence: new Set(),
  };
}

export interface OccurrenceDraft {
  reportedAt: Date;
  classification: OccurrenceClassification;
  domesticAbuse?: boolean;
  childrenPresent?: boolean;
  /** Defaults to the household's address. */
  atHousehold?: boolean;
}

/** Adds an occurrence with its people; returns the occurrence id. */
export function addOccurrence(seed: HouseholdSeed, draft: OccurrenceDraft, people: [KnownMember, OccurrenceRole][]): string {
  const reference = seed.refs.occurrenceReference(draft.reportedAt);
  const id = seedId(`occurrence:${reference}`);
  const atHousehold = draft.atHousehold ?? true;
  seed.rows.occurrences.push({
    id,
    reference,
    reportedAt: draft.reportedAt,
    occurredFrom: plusHours(draft.reportedAt, -1),
    occurredTo: draft.reportedAt,
    locationPostcode: atHousehold ? normalisePostcode(seed.household.postcode) : null,
    locationUprn: atHousehold ? seed.household.uprn : null,
    classification: draft.classification,
    domesticAbuse: draft.domesticAbuse ?? false,
    childrenPresent: draft.childrenPresent ?? false,
  });
  for (const [member, role] of people) {
    seed.rows.occurrencePersons.push({ id: seedId(`occurrence-person:${id}:${member.person.key}:${role}`), occurrenceId: id, nominalId: member.nominalId, role });
    seed.onOccurrence.add(member.person.key);
    if (role === OccurrenceRole.SUSPECT || role === OccurrenceRole.OFFENDER) seed.suspects.add(member.person.key);
  }
  return id;
}
