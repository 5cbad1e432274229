import { Field, ID, ObjectType } from 'type-graphql';
import { PoliceAlias, PoliceDomesticAbuseIncident, PoliceExploitationFlag, PoliceMissingSummary, PoliceWarningMarker } from './history.type';

/**
 * What police disclose to a MASH about one nominal: identity, active markers and summaries.
 * Never free-text intelligence (DPA 2018 Part 3 s37: adequate, relevant and not excessive).
 */
@ObjectType({ description: 'A person as known to police, summarised for MASH triage' })
export class PoliceNominalRecord {
  @Field(() => ID, { description: 'Local nominal reference, e.g. WK-NOM-0000123' })
  nominalId: string;

  @Field(() => String, { nullable: true, description: 'PNC ID, YYYY/NNNNNNNC' })
  pncId: string | null;

  @Field()
  givenName: string;

  @Field()
  familyName: string;

  @Field(() => [PoliceAlias])
  aliases: PoliceAlias[];

  @Field({ description: 'ISO date' })
  dateOfBirth: string;

  @Field(() => [PoliceWarningMarker])
  warningMarkers: PoliceWarningMarker[];

  @Field(() => [PoliceDomesticAbuseIncident], { description: 'Newest first' })
  domesticAbuseLast12Months: PoliceDomesticAbuseIncident[];

  @Field(() => PoliceMissingSummary)
  missing: PoliceMissingSummary;

  @Field(() => [PoliceExploitationFlag])
  exploitationFlags: PoliceExploitationFlag[];
}
