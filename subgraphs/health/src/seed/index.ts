import type { AgencySeed } from '@mash/shared';
import {
  CpisRecord, FgmRecord, GpRegistration, MaternityEpisode, MentalHealthInvolvement, Patient, SafeguardingCode, SubstanceMisuseTreatment,
  UnscheduledCareAttendance, WasNotBroughtEvent,
} from '../entities';
import { buildHealthRows } from './build';

/**
 * The demo seed: a patient for everyone the population says health knows, and records that follow
 * each household's traits, patients first. Deterministic, so a re-seed gives every row the same id.
 */
export const healthSeed: AgencySeed = {
  marker: Patient,
  rows(population) {
    const rows = buildHealthRows(population);
    return [
      { entity: Patient, rows: rows.patients },
      { entity: GpRegistration, rows: rows.gpRegistrations },
      { entity: SafeguardingCode, rows: rows.safeguardingCodes },
      { entity: UnscheduledCareAttendance, rows: rows.unscheduledCareAttendances },
      { entity: MentalHealthInvolvement, rows: rows.mentalHealthInvolvements },
      { entity: SubstanceMisuseTreatment, rows: rows.substanceMisuseTreatments },
      { entity: MaternityEpisode, rows: rows.maternityEpisodes },
      { entity: WasNotBroughtEvent, rows: rows.wasNotBroughtEvents },
      { entity: CpisRecord, rows: rows.cpisRecords },
      { entity: FgmRecord, rows: rows.fgmRecords },
    ];
  },
};

export { buildHealthRows } from './build';
