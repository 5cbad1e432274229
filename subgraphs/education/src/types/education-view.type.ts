import { agencyEnvelope } from '@mash/shared';
import { EducationRecord } from './education-record.type';

export const { AgencyMatch: EducationMatch, AgencyView: EducationView } = agencyEnvelope('Education', EducationRecord);
export type EducationView = InstanceType<typeof EducationView>;
export type EducationMatch = InstanceType<typeof EducationMatch>;
