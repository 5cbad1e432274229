import { agencyEnvelope } from '@mash/shared';
import { PoliceNominalRecord } from './nominal-record.type';

export const { AgencyMatch: PoliceMatch, AgencyView: PoliceView } = agencyEnvelope('Police', PoliceNominalRecord);
export type PoliceMatch = InstanceType<typeof PoliceMatch>;
export type PoliceView = InstanceType<typeof PoliceView>;
