import { DataSource } from 'typeorm';
import { DisclosureLog, optionalString } from '@mash/shared';
import {
  DashAssessment, ExploitationFlag, MissingEpisode, NominalAddress, NominalAlias, Occurrence, OccurrencePerson,
  PoliceNominal, WarningMarker,
} from './entities';
import { InitialPolice1764151200000 } from './migrations/1764151200000-InitialPolice';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';

export const entities = [
  PoliceNominal, NominalAlias, NominalAddress, WarningMarker, Occurrence, OccurrencePerson, DashAssessment,
  MissingEpisode, ExploitationFlag, DisclosureLog,
];

export const migrations = [InitialPolice1764151200000, BlockingKeys1795800000000];

/** For the typeorm CLI (`typeorm -d dist/data-source.js migration:run`); the service uses `openDatabase`. */
export default new DataSource({
  type: 'postgres',
  url: optionalString('POLICE_DATABASE_URL'),
  entities,
  migrations,
  synchronize: false,
});
