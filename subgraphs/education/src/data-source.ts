import { DisclosureLog } from '@mash/shared';
import { DataSource } from 'typeorm';
import {
  AttendanceSummary,
  ChildMissingEducation,
  ElectiveHomeEducation,
  Enrolment,
  Exclusion,
  OperationEncompassNotification,
  Pupil,
  School,
  SenStatus,
} from './entities';
import { InitialEducation1795687714277 } from './migrations/1795687714277-InitialEducation';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';

export const entities = [
  School,
  Pupil,
  Enrolment,
  AttendanceSummary,
  Exclusion,
  SenStatus,
  ElectiveHomeEducation,
  ChildMissingEducation,
  OperationEncompassNotification,
  DisclosureLog,
];

export const migrations = [InitialEducation1795687714277, BlockingKeys1795800000000];

/**
 * For the typeorm CLI only (`typeorm migration:run -d dist/data-source.js` with
 * EDUCATION_DATABASE_URL set); the service opens its database through @mash/shared instead.
 */
export default new DataSource({
  type: 'postgres',
  url: process.env.EDUCATION_DATABASE_URL,
  entities,
  migrations,
  migrationsTransactionMode: 'each',
  applicationName: 'mash-education-cli',
});

