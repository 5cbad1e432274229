import { agencyEnvelope } from '@mash/shared';
import { HealthRecord } from './health-record.type';

export const { AgencyMatch: HealthMatch, AgencyView: HealthView } = agencyEnvelope('Health', HealthRecord);
export type HealthMatch = InstanceType<typeof HealthMatch>;
export type HealthView = InstanceType<typeof HealthView>;
