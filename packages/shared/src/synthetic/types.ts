import type { Gender, PersonFacts } from '../matching/types';

export type AgencyName = 'police' | 'social-care' | 'health' | 'education';
export const AGENCIES: readonly AgencyName[] = ['police', 'social-care', 'health', 'education'];

export type HouseholdRole = 'PARENT' | 'CARER' | 'PARTNER' | 'CHILD' | 'SIBLING' | 'OTHER_ADULT';

/**
 * What is going on in a household. Agency seeds turn these into their own records, so the
 * agencies agree with each other the way real ones (mostly) do.
 */
export interface HouseholdTraits {
  /** Police-attended domestic abuse in the last 12 months, with the highest DASH risk level. */
  domesticAbuse: 'STANDARD' | 'MEDIUM' | 'HIGH' | null;
  parentalMentalHealth: boolean;
  parentalSubstanceMisuse: boolean;
  /** A child in the household is on a child protection plan now. */
  childProtectionPlan: boolean;
  childInNeed: boolean;
  earlyHelp: boolean;
  lookedAfterChild: boolean;
  missingChild: boolean;
  exploitation: 'CSE' | 'CCE' | 'COUNTY_LINES' | null;
  persistentAbsence: boolean;
  exclusion: boolean;
  adultSafeguarding: boolean;
}

/** One synthetic person as they really are; agencies see `agencyView`s of them. */
export interface SyntheticPerson {
  /** Stable key, e.g. `P000123`; never shown outside seeds and tests. */
  key: string;
  householdKey: string;
  role: HouseholdRole;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: Gender;
  /** Checksum-valid, from the 999 test range; null for a new arrival with none. */
  nhsNumber: string | null;
  /** School-age children only. */
  upn: string | null;
  pncId: string | null;
  /** Child of compulsory school age (5-16 on the reference date). */
  schoolAge: boolean;
  /** Which agencies hold a record of this person. */
  knownTo: Record<AgencyName, boolean>;
  /** Real-world gaps this person exhibits (for tests and flags). */
  gaps: {
    notRegisteredWithGp: boolean;
    notOnSchoolRoll: boolean;
    electiveHomeEducation: boolean;
  };
}

export interface Household {
  key: string;
  addressLine: string;
  postcode: string;
  uprn: string;
  /** A previous postcode where the family moved in the last two years, else null. */
  previousPostcode: string | null;
  /** The address at `previousPostcode` (what a lagging agency record shows), else null. */
  previousAddressLine?: string | null;
  /** UPRN of the previous address, else null. */
  previousUprn?: string | null;
  members: SyntheticPerson[];
  traits: HouseholdTraits;
}

/** How an agency's record differs from the truth, applied by `agencyView`. */
export type VariantKind =
  | 'NICKNAME'
  | 'HYPHENATED_SURNAME'
  | 'DOB_DAY_MONTH_SWAPPED'
  | 'PREVIOUS_POSTCODE'
  | 'TEMPORARY_UPN'
  | 'MISSING_NHS_NUMBER';

export interface AgencyPersonView extends PersonFacts {
  personKey: string;
  householdKey: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: Gender;
  addressLine: string;
  postcode: string;
  uprn: string;
  variants: VariantKind[];
}

export interface DemoCases {
  red: Household;
  amber: Household;
  green: Household;
}

export interface Population {
  /** The seed and the reference date ("today" for ages and 12-month windows) that made it. */
  seed: number;
  referenceDate: string;
  households: Household[];
  people: SyntheticPerson[];
  /** Three households known to all four agencies, each with three school-age children. */
  demo: DemoCases;
  /** The agency's view of a person (with that agency's deterministic variants), or null if unknown. */
  agencyView(person: SyntheticPerson, agency: AgencyName): AgencyPersonView | null;
}

export interface PopulationOptions {
  /** Approximate number of people; default 2000. */
  people?: number;
  /** Default 20160501 (the day the Warwickshire children's MASH went live). */
  seed?: number;
  /** Default 2026-11-01, so seeds do not drift with the calendar. */
  referenceDate?: string;
}
