import type { AgencySeed } from '@mash/shared';
import {
  AlternativeProvision, AttendanceSummary, ChildMissingEducation, ElectiveHomeEducation, Enrolment, Exclusion, FsmPeriod,
  OperationEncompassNotification, Pupil, PupilContact, School, SenStatus,
} from '../entities';
import { buildSeedRows } from './build';

/** The demo seed: every education row for the population, parents first. */
export const educationSeed: AgencySeed = {
  marker: Pupil,
  rows(population) {
    const rows = buildSeedRows(population);
    return [
      { entity: School, rows: rows.schools },
      { entity: Pupil, rows: rows.pupils },
      { entity: PupilContact, rows: rows.contacts },
      { entity: Enrolment, rows: rows.enrolments },
      { entity: AttendanceSummary, rows: rows.attendance },
      { entity: Exclusion, rows: rows.exclusions },
      { entity: SenStatus, rows: rows.sen },
      { entity: ElectiveHomeEducation, rows: rows.homeEducation },
      { entity: ChildMissingEducation, rows: rows.missingEducation },
      { entity: OperationEncompassNotification, rows: rows.encompass },
      { entity: AlternativeProvision, rows: rows.alternativeProvision },
      { entity: FsmPeriod, rows: rows.freeSchoolMeals },
    ];
  },
};

export { buildSeedRows } from './build';
export type { SeedRows } from './rows';
