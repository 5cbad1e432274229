import { AGENCY_KIT_MIGRATIONS, type AgencyAdapter } from '@mash/shared';
import { policeConformance } from './conformance';
import { DashAssessment, ExploitationFlag, MissingEpisode, NominalAddress, NominalAlias, Occurrence, OccurrencePerson, PoliceNominal, WarningMarker } from './entities';
import { recordFlags } from './flags';
import { findCandidates, type NominalCandidate } from './matching/candidates';
import { nominalIdentities } from './matching/match-nominals';
import { InitialPolice1764151200000 } from './migrations/1764151200000-InitialPolice';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';
import { PhoneticBlockingKeys1796000000000 } from './migrations/1796000000000-PhoneticBlockingKeys';
import { loadNominals, type NominalDetails } from './records/load';
import { identityRecord, nominalRecord } from './records/record';
import { windowsFor } from './records/windows';
import { policeSeed } from './seed';
import { PoliceNominalRecord } from './types/nominal-record.type';

/** Police: nominals, warning markers, domestic abuse, missing episodes and exploitation (DOMAIN.md section 1). */
export const adapter: AgencyAdapter<NominalCandidate, NominalDetails, PoliceNominalRecord> = {
  agency: 'police',
  defaultPort: 4001,
  entities: [PoliceNominal, NominalAlias, NominalAddress, WarningMarker, Occurrence, OccurrencePerson, DashAssessment, MissingEpisode, ExploitationFlag],
  migrations: [InitialPolice1764151200000, BlockingKeys1795800000000, PhoneticBlockingKeys1796000000000, ...AGENCY_KIT_MIGRATIONS],
  recordType: PoliceNominalRecord,
  fieldDescription: 'What police hold on the subject, summarised for triage: warning markers, domestic abuse, missing episodes and exploitation',
  recordsNoun: 'police records',
  findCandidates,
  identities: nominalIdentities,
  loadRecords: (store, ids, context) => loadNominals(store, ids, windowsFor(context.asOf)),
  toRecord: nominalRecord,
  identityRecord,
  // Being unknown to police is no concern in itself, so NOT_KNOWN raises nothing.
  flags: ({ disclosed }) => (disclosed ? recordFlags(disclosed) : []),
  seed: policeSeed,
  conformance: policeConformance,
};
