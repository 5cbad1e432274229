import { AGENCY_KIT_MIGRATIONS, type AgencyAdapter } from '@mash/shared';
import { socialCareConformance } from './conformance';
import {
  Assessment, ChildProtectionPlan, EarlyHelpEpisode, LookedAfterEpisode, Person, PersonRelationship, Referral, Section42Enquiry,
} from './entities';
import { personFlags } from './flags';
import { findCandidates, type PersonCandidate } from './matching/candidates';
import { personIdentities } from './matching/person-facts';
import { InitialSocialCare1795687661625 } from './migrations/1795687661625-InitialSocialCare';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';
import { PhoneticBlockingKeys1796000000000 } from './migrations/1796000000000-PhoneticBlockingKeys';
import { PersonRelationship1797000000000 } from './migrations/1797000000000-PersonRelationship';
import { loadAssociates } from './records/associates';
import { loadPeople, type PersonDetails } from './records/load';
import { identityRecord, socialCareRecord } from './records/record';
import { socialCareSeed } from './seed';
import { SocialCareRecord } from './types/social-care-record.type';

/**
 * Children's and adults' social care: CIN episodes, child protection plans, looked-after children,
 * early help and adult safeguarding enquiries (DOMAIN.md section 2). Social care holds no DASH-graded
 * domestic-abuse items, so the standard-risk obligation has nothing here to withhold.
 */
export const adapter: AgencyAdapter<PersonCandidate, PersonDetails, SocialCareRecord> = {
  agency: 'social-care',
  defaultPort: 4002,
  entities: [Person, Referral, Assessment, ChildProtectionPlan, LookedAfterEpisode, EarlyHelpEpisode, Section42Enquiry, PersonRelationship],
  migrations: [
    InitialSocialCare1795687661625, BlockingKeys1795800000000, PhoneticBlockingKeys1796000000000, PersonRelationship1797000000000,
    ...AGENCY_KIT_MIGRATIONS,
  ],
  recordType: SocialCareRecord,
  fieldDescription: "What the local authority's children's and adults' social care holds on the subject",
  recordsNoun: 'social-care records',
  findCandidates,
  identities: personIdentities,
  loadRecords: (store, ids) => loadPeople(store, ids),
  toRecord: (person, context) => socialCareRecord(person, context.asOf),
  identityRecord,
  // The recorded family and the others at the person's UPRN: minimal identity, never the person themself.
  loadAssociates: (store, records) => loadAssociates(store, [...records.keys()]),
  // Not being known to social care is no finding in itself, so NOT_KNOWN raises nothing.
  flags: ({ record, context }) => (record ? personFlags(record, context.asOf) : []),
  seed: socialCareSeed,
  conformance: socialCareConformance,
};
