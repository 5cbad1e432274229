import type { AgencyPersonView, Household, SyntheticPerson } from '@mash/shared';
import type {
  CpisRecord, FgmRecord, GpRegistration, MaternityEpisode, MentalHealthInvolvement, Patient, SafeguardingCode,
  SubstanceMisuseTreatment, UnscheduledCareAttendance, WasNotBroughtEvent,
} from '../entities';

/** Every row the seed inserts, table by table. */
export interface HealthRows {
  patients: Patient[];
  gpRegistrations: GpRegistration[];
  safeguardingCodes: SafeguardingCode[];
  unscheduledCareAttendances: UnscheduledCareAttendance[];
  mentalHealthInvolvements: MentalHealthInvolvement[];
  substanceMisuseTreatments: SubstanceMisuseTreatment[];
  maternityEpisodes: MaternityEpisode[];
  wasNotBroughtEvents: WasNotBroughtEvent[];
  cpisRecords: CpisRecord[];
  fgmRecords: FgmRecord[];
}

export function emptyRows(): HealthRows {
  return {
    patients: [], gpRegistrations: [], safeguardingCodes: [], unscheduledCareAttendances: [], mentalHealthInvolvements: [],
    substanceMisuseTreatments: [], maternityEpisodes: [], wasNotBroughtEvents: [], cpisRecords: [], fgmRecords: [],
  };
}

/** One household member known to health, with the patient id their records hang off. */
export interface SeedMember {
  person: SyntheticPerson;
  view: AgencyPersonView;
  patientId: string;
  /** Completed years on the population's reference date. */
  age: number;
}

export interface SeedHousehold {
  household: Household;
  members: SeedMember[];
  referenceDate: string;
  /** The demo RED household, whose children carry the fullest set of health findings. */
  demoRed: boolean;
  restricted: boolean;
}
