import { AGENCY_KIT_MIGRATIONS, type AgencyAdapter } from '@mash/shared';
import { educationConformance } from './conformance';
import {
  AlternativeProvision, AttendanceSummary, ChildMissingEducation, ElectiveHomeEducation, Enrolment, Exclusion, FsmPeriod,
  OperationEncompassNotification, Pupil, PupilContact, School, SenStatus,
} from './entities';
import { educationFlags } from './flags';
import { findCandidates, type PupilCandidate } from './matching/candidates';
import { pupilIdentities } from './matching/match-pupils';
import { InitialEducation1795687714277 } from './migrations/1795687714277-InitialEducation';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';
import { PhoneticBlockingKeys1796000000000 } from './migrations/1796000000000-PhoneticBlockingKeys';
import { ThinkFamily1797000000000 } from './migrations/1797000000000-ThinkFamily';
import { loadPupilAssociates } from './records/associates';
import { loadPupils } from './records/load';
import type { PupilRecord } from './records/pupil-record';
import { educationRecord, identityRecord } from './records/record';
import { educationSeed } from './seed';
import { EducationRecord } from './types/education-record.type';

/**
 * Education: school rolls, attendance, exclusions, SEN, alternative provision, free school meals,
 * home education, CME and Operation Encompass (DOMAIN.md section 4); associates are the contacts on
 * the pupil's record and siblings on roll (same address or same contact).
 */
export const adapter: AgencyAdapter<PupilCandidate, PupilRecord, EducationRecord> = {
  agency: 'education',
  defaultPort: 4004,
  entities: [
    School, Pupil, Enrolment, AttendanceSummary, Exclusion, SenStatus, ElectiveHomeEducation, ChildMissingEducation,
    OperationEncompassNotification, PupilContact, AlternativeProvision, FsmPeriod,
  ],
  migrations: [
    InitialEducation1795687714277, BlockingKeys1795800000000, PhoneticBlockingKeys1796000000000, ThinkFamily1797000000000,
    ...AGENCY_KIT_MIGRATIONS,
  ],
  recordType: EducationRecord,
  fieldDescription: 'What education (schools and the local authority) holds on the subject, matched on the fields required',
  recordsNoun: 'pupil records',
  findCandidates,
  identities: pupilIdentities,
  loadRecords: loadPupils,
  loadAssociates: loadPupilAssociates,
  toRecord: educationRecord,
  identityRecord,
  flags: educationFlags,
  seed: educationSeed,
  conformance: educationConformance,
};
