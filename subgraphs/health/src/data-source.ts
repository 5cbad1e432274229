import { DisclosureLog, optionalString } from '@mash/shared';
import { DataSource } from 'typeorm';
import {
  CpisRecord, GpRegistration, MaternityEpisode, MentalHealthInvolvement, Patient, SafeguardingCode,
  SubstanceMisuseTreatment, UnscheduledCareAttendance, WasNotBroughtEvent,
} from './entities';
import { InitialHealth1795651200000 } from './migrations/1795651200000-InitialHealth';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';

export const entities = [
  Patient,
  GpRegistration,
  SafeguardingCode,
  UnscheduledCareAttendance,
  MentalHealthInvolvement,
  SubstanceMisuseTreatment,
  MaternityEpisode,
  WasNotBroughtEvent,
  CpisRecord,
  DisclosureLog,
];

export const migrations = [InitialHealth1795651200000, BlockingKeys1795800000000];

/** For the typeorm CLI (`typeorm -d subgraphs/health/dist/data-source.js migration:run`) in server mode. */
export default new DataSource({
  type: 'postgres',
  url: optionalString('HEALTH_DATABASE_URL'),
  entities,
  migrations,
  migrationsTransactionMode: 'each',
  synchronize: false,
});
