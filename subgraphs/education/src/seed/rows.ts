import type { Household, Population, Rng, SyntheticPerson } from '@mash/shared';
import type {
  AlternativeProvision,
  AttendanceSummary,
  ChildMissingEducation,
  ElectiveHomeEducation,
  Enrolment,
  Exclusion,
  FsmPeriod,
  OperationEncompassNotification,
  Pupil,
  PupilContact,
  School,
  SenStatus,
} from '../entities';

/** Everything the seed inserts, built in memory first so the insert is a handful of bulk statements. */
export interface SeedRows {
  schools: School[];
  pupils: Pupil[];
  enrolments: Enrolment[];
  attendance: AttendanceSummary[];
  exclusions: Exclusion[];
  sen: SenStatus[];
  homeEducation: ElectiveHomeEducation[];
  missingEducation: ChildMissingEducation[];
  encompass: OperationEncompassNotification[];
  contacts: PupilContact[];
  alternativeProvision: AlternativeProvision[];
  freeSchoolMeals: FsmPeriod[];
}

/** One child being seeded: the truth, the pupil row made for them and their own random stream. */
export interface SeedChild {
  population: Population;
  household: Household;
  person: SyntheticPerson;
  pupil: Pupil;
  rng: Rng;
  /** The population's reference date: "today" for the seed. */
  today: string;
  demo: boolean;
}

