import { batchBlockingKeys, selectCandidateIds, type CandidateTable, type PersonFacts } from '@mash/shared';
import { In, type DataSource } from 'typeorm';
import { Patient } from '../entities';
import type { PatientDetails } from '../records/patient-details';

/** `patient.blocking_keys`, GIN-indexed (migration BlockingKeys). */
export const PATIENT_CANDIDATES: CandidateTable = { table: 'patient', id: 'id', blockingKeys: 'blocking_keys' };

/** Every patient sharing a blocking key with any of the subjects: one candidate query for the batch. */
export async function findCandidates(dataSource: DataSource, subjects: PersonFacts[]): Promise<Patient[]> {
  const ids = await selectCandidateIds(dataSource, PATIENT_CANDIDATES, batchBlockingKeys(subjects));
  if (ids.length === 0) return [];
  return dataSource.getRepository(Patient).find({ where: { id: In(ids) } });
}

/**
 * The patients to disclose, with all their records, in one query. The joins multiply rows per
 * patient, but only for the few patients matched in one batch, each with a handful of events.
 */
export async function loadPatientDetails(dataSource: DataSource, ids: string[]): Promise<Map<string, PatientDetails>> {
  if (ids.length === 0) return new Map();
  const patients = await dataSource.getRepository(Patient).find({
    where: { id: In(ids) },
    relations: {
      gpRegistrations: true,
      safeguardingCodes: true,
      unscheduledCareAttendances: true,
      mentalHealthInvolvements: true,
      substanceMisuseTreatments: true,
      maternityEpisodes: true,
      wasNotBroughtEvents: true,
      cpisRecords: true,
    },
    relationLoadStrategy: 'join',
  });
  return new Map(patients.map((patient) => [patient.id, patient as PatientDetails]));
}
