import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { generatePopulation } from '@mash/shared';
import {
  DashAssessment, ExploitationFlag, MissingEpisode, NominalAddress, NominalAlias, Occurrence, OccurrencePerson, PoliceNominal,
  WarningMarker,
} from '../entities';
import { buildPoliceRows } from './build';

const CHUNK = 500;

/**
 * Inserts the synthetic police records for `people` people, once: an existing nominal table
 * means a seeded (or real) database, which is left alone.
 */
export async function seed(dataSource: DataSource, options: { people: number }): Promise<{ inserted: boolean }> {
  if (await dataSource.getRepository(PoliceNominal).exists()) return { inserted: false };
  const rows = buildPoliceRows(generatePopulation({ people: options.people }));
  await dataSource.transaction(async (manager) => {
    const insert = async <T extends ObjectLiteral>(entity: EntityTarget<T>, values: object[]) => {
      for (let i = 0; i < values.length; i += CHUNK) await manager.insert(entity, values.slice(i, i + CHUNK) as T[]);
    };
    await insert(PoliceNominal, rows.nominals);
    await insert(NominalAlias, rows.aliases);
    await insert(NominalAddress, rows.addresses);
    await insert(WarningMarker, rows.warningMarkers);
    await insert(Occurrence, rows.occurrences);
    await insert(OccurrencePerson, rows.occurrencePersons);
    await insert(DashAssessment, rows.dashAssessments);
    await insert(MissingEpisode, rows.missingEpisodes);
    await insert(ExploitationFlag, rows.exploitationFlags);
  });
  return { inserted: true };
}

export { buildPoliceRows } from './build';
