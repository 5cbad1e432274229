import type {
  DashAssessment, ExploitationFlag, MissingEpisode, NominalAddress, NominalAlias, Occurrence, OccurrencePerson, OffenderManagement,
  PoliceNominal, WarningMarker,
} from '../entities';

/** Column values only: what the seed inserts, table by table. */
type Row<T, Relations extends keyof T> = Omit<T, Relations>;

export interface PoliceRows {
  nominals: Row<PoliceNominal, 'aliases' | 'addresses' | 'warningMarkers' | 'missingEpisodes' | 'exploitationFlags'>[];
  aliases: Row<NominalAlias, 'nominal'>[];
  addresses: Row<NominalAddress, 'nominal'>[];
  warningMarkers: Row<WarningMarker, 'nominal'>[];
  occurrences: Row<Occurrence, 'persons' | 'dashAssessments'>[];
  occurrencePersons: Row<OccurrencePerson, 'occurrence' | 'nominal'>[];
  dashAssessments: Row<DashAssessment, 'occurrence' | 'victim' | 'perpetrator'>[];
  missingEpisodes: Row<MissingEpisode, 'nominal'>[];
  exploitationFlags: Row<ExploitationFlag, 'nominal'>[];
  offenderManagement: Row<OffenderManagement, 'nominal'>[];
}

export function emptyRows(): PoliceRows {
  return {
    nominals: [], aliases: [], addresses: [], warningMarkers: [], occurrences: [], occurrencePersons: [], dashAssessments: [],
    missingEpisodes: [], exploitationFlags: [], offenderManagement: [],
  };
}
