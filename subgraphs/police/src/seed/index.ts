import type { AgencySeed } from '@mash/shared';
import {
  DashAssessment, ExploitationFlag, MissingEpisode, NominalAddress, NominalAlias, Occurrence, OccurrencePerson, OffenderManagement,
  PoliceNominal, WarningMarker,
} from '../entities';
import { buildPoliceRows } from './build';

/** The demo seed: every police row for the population, parents first. */
export const policeSeed: AgencySeed = {
  marker: PoliceNominal,
  rows(population) {
    const rows = buildPoliceRows(population);
    return [
      { entity: PoliceNominal, rows: rows.nominals },
      { entity: NominalAlias, rows: rows.aliases },
      { entity: NominalAddress, rows: rows.addresses },
      { entity: WarningMarker, rows: rows.warningMarkers },
      { entity: Occurrence, rows: rows.occurrences },
      { entity: OccurrencePerson, rows: rows.occurrencePersons },
      { entity: DashAssessment, rows: rows.dashAssessments },
      { entity: MissingEpisode, rows: rows.missingEpisodes },
      { entity: ExploitationFlag, rows: rows.exploitationFlags },
      { entity: OffenderManagement, rows: rows.offenderManagement },
    ];
  },
};

export { buildPoliceRows } from './build';
