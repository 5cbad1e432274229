import { AGENCY_KIT_MIGRATIONS, type AgencyAdapter } from '@mash/shared';
import { policeConformance } from './conformance';
import {
  DashAssessment, ExploitationFlag, MissingEpisode, NominalAddress, NominalAlias, Occurrence, OccurrencePerson, OffenderManagement, PoliceNominal,
  WarningMarker,
} from './entities';
import { recordFlags } from './flags';
import { findCandidates, type NominalCandidate } from './matching/candidates';
import { nominalIdentities } from './matching/match-nominals';
import { InitialPolice1764151200000 } from './migrations/1764151200000-InitialPolice';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';
import { PhoneticBlockingKeys1796000000000 } from './migrations/1796000000000-PhoneticBlockingKeys';
import { ThinkFamily1797000000000 } from './migrations/1797000000000-ThinkFamily';
import { loadAssociates } from './records/associates';
import { loadNominals, type NominalDetails } from './records/load';
import { identityRecord, nominalRecord } from './records/record';
import { windowsFor } from './records/windows';
import { policeSeed } from './seed';
import { PoliceNominalRecord } from './types/nominal-record.type';

/** Police: nominals, warning markers, domestic abuse, missing episodes, exploitation and public protection (DOMAIN.md section 1). */
export const adapter: AgencyAdapter<NominalCandidate, NominalDetails, PoliceNominalRecord> = {
  agency: 'police',
  defaultPort: 4001,
  entities: [PoliceNominal, NominalAlias, NominalAddress, WarningMarker, Occurrence, OccurrencePerson, DashAssessment, MissingEpisode, ExploitationFlag,
    OffenderManagement],
  migrations: [InitialPolice1764151200000, BlockingKeys1795800000000, PhoneticBlockingKeys1796000000000, ThinkFamily1797000000000,
    ...AGENCY_KIT_MIGRATIONS],
  recordType: PoliceNominalRecord,
  fieldDescription: 'What police hold on the subject, summarised for triage: warning markers, domestic abuse, missing episodes and exploitation',
  recordsNoun: 'police records',
  findCandidates,
  identities: nominalIdentities,
  loadRecords: (store, ids, context) => loadNominals(store, ids, windowsFor(context.asOf)),
  toRecord: nominalRecord,
  identityRecord,
  // Current co-residents and people named in the same occurrences, minimal identity only.
  loadAssociates: (store, records, context) => loadAssociates(store, [...records.keys()], context),
  // Being unknown to police is no concern in itself, so NOT_KNOWN raises nothing.
  flags: ({ disclosed, record, context }) => (disclosed && record ? recordFlags(disclosed, { facts: record, context }) : []),
  seed: policeSeed,
  conformance: policeConformance,
};
