import { agencyEnvelope, type AgencyViewShape } from '@mash/shared';
import { SocialCareRecord } from './social-care-record.type';

export const { AgencyMatch: SocialCareMatch, AgencyView: SocialCareView } = agencyEnvelope('SocialCare', SocialCareRecord);

export type SocialCareViewShape = AgencyViewShape<SocialCareRecord>;
