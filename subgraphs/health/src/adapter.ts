import { AGENCY_KIT_MIGRATIONS, type AgencyAdapter } from '@mash/shared';
import { healthConformance } from './conformance';
import {
  CpisRecord, FgmRecord, GpRegistration, MaternityEpisode, MentalHealthInvolvement, Patient, SafeguardingCode, SubstanceMisuseTreatment,
  UnscheduledCareAttendance, WasNotBroughtEvent,
} from './entities';
import { healthFlags } from './flags';
import { findCandidates, type PatientCandidate } from './matching/candidates';
import { patientIdentities } from './matching/patient-facts';
import { InitialHealth1795651200000 } from './migrations/1795651200000-InitialHealth';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';
import { PhoneticBlockingKeys1796000000000 } from './migrations/1796000000000-PhoneticBlockingKeys';
import { ThinkFamily1797000000000 } from './migrations/1797000000000-ThinkFamily';
import { loadAssociates } from './records/associates';
import { loadPatients, type PatientDetails } from './records/load';
import { identityRecord, patientRecord } from './records/record';
import { healthSeed } from './seed';
import { HealthRecord } from './types/health-record.type';

/**
 * Health: PDS registration, CP-IS, unscheduled care, engagement, mental health, substance misuse,
 * maternity, FGM (DOMAIN.md section 3); associates are the patients at the same address and the
 * mother and babies of a maternity record.
 */
export const adapter: AgencyAdapter<PatientCandidate, PatientDetails, HealthRecord> = {
  agency: 'health',
  defaultPort: 4003,
  entities: [
    Patient, GpRegistration, SafeguardingCode, UnscheduledCareAttendance, MentalHealthInvolvement, SubstanceMisuseTreatment, MaternityEpisode,
    WasNotBroughtEvent, CpisRecord, FgmRecord,
  ],
  migrations: [InitialHealth1795651200000, BlockingKeys1795800000000, PhoneticBlockingKeys1796000000000, ThinkFamily1797000000000, ...AGENCY_KIT_MIGRATIONS],
  recordType: HealthRecord,
  fieldDescription: 'What health holds on the subject: PDS registration, CP-IS, unscheduled care, engagement, MH and substance misuse',
  recordsNoun: 'health records',
  findCandidates,
  identities: patientIdentities,
  loadRecords: loadPatients,
  loadAssociates,
  toRecord: patientRecord,
  identityRecord,
  flags: healthFlags,
  seed: healthSeed,
  conformance: healthConformance,
};
