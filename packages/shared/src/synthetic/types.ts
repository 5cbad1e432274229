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
  /** Demo scenario households only: what each agency records about this person (scenarios.ts). */
  scenario?: ScenarioFacts;
}

/**
 * What each agency records about one person of a demo scenario household (think family, issue
 * 10). Agency seeds turn these into their own records, on top of (never instead of) the
 * household traits, which are all off for scenario households.
 */
export interface ScenarioFacts {
  police?: {
    /** Named SUSPECT/OFFENDER in police-attended DA occurrences at the address in the last 12 months. */
    daPerpetrator?: boolean;
    /** Named VICTIM in those occurrences. */
    daVictim?: boolean;
    /** Highest DASH risk level of those occurrences (default MEDIUM). */
    dashRisk?: 'STANDARD' | 'MEDIUM' | 'HIGH';
    violentMarker?: boolean;
    /** MAPPA nominal: category 1 registered sex offender, 2 violent, 3 other dangerous; level 1-3. */
    mappa?: { category: 1 | 2 | 3; level: 1 | 2 | 3 };
    registeredSexOffender?: boolean;
    exploitation?: ('CSE' | 'CCE' | 'COUNTY_LINES' | 'TRAFFICKING' | 'RADICALISATION')[];
    /** Missing episodes in the last 12 months (one of them HIGH risk when 3 or more). */
    missingEpisodes?: number;
    hateCrimeVictim?: boolean;
    honourBasedAbuse?: boolean;
  };
  socialCare?: {
    /** Child protection plan: open now, or ended within the last two years. */
    cpPlan?: 'OPEN' | 'PREVIOUS';
    childInNeed?: boolean;
    /** Adult safeguarding (Care Act s42) enquiry: open now, or closed in the last 12 months. */
    section42?: 'OPEN' | 'PREVIOUS';
    selfNeglect?: boolean;
    /** CIN assessment factor codes (DOMAIN.md 2.1), e.g. ['22A'] for FGM, ['3B', '4B']. */
    factors?: string[];
  };
  health?: {
    mentalHealth?: boolean;
    substanceMisuse?: boolean;
    /** Pregnant now or delivered in the last 12 months; late booking (> 12 weeks). */
    maternity?: { lateBooking: boolean };
    /** FGM recorded (FGM-IS / safeguarding code). */
    fgm?: boolean;
    /** ED attendance for an assault or domestic abuse in the last 12 months. */
    daRelatedAttendance?: boolean;
  };
  education?: {
    /** Attendance this term at least 20 points below last term's. */
    attendanceDrop?: boolean;
    /** In-year school moves in the last 12 months. */
    inYearMoves?: number;
    alternativeProvision?: boolean;
    freeSchoolMeals?: boolean;
  };
  /** Agencies whose record still holds the household's previous address (the family moved). */
  staleAddressAt?: AgencyName[];
}

/** A demo household built to show the think-family picture: one case per cross-agency finding. */
export interface Scenario {
  /** Stable name, e.g. `household-domestic-abuse`. */
  name: string;
  pathway: 'CHILDREN' | 'ADULTS';
  rag: 'RED' | 'AMBER';
  /** The referral's concern, in the referrer's words. */
  concern: string;
  household: Household;
  /** The members the referral names, with the role the referral gives them (the others are for triage to find as associates). */
  referred: { key: string; as: 'CHILD' | 'PARENT' | 'CARER' | 'PARTNER' | 'ADULT_AT_RISK' | 'ALLEGED_PERPETRATOR' | 'OTHER_ADULT' | 'UNBORN' }[];
  /** Case-picture findings (codes) this household should show once its referred subjects are searched. */
  findings: string[];
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
  /** Think-family demo households (adults, babies, children missing education, ...), after everyone else. */
  scenarios: Scenario[];
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
