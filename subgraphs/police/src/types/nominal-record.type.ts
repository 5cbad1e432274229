import { Sensitivity } from '@mash/shared';
import { Field, ID, ObjectType } from 'type-graphql';
import { PoliceAlias, PoliceDomesticAbuseIncident, PoliceExploitationFlag, PoliceMissingSummary, PoliceWarningMarker } from './history.type';
import { PolicePublicProtection } from './public-protection.type';

const WITHHELD = 'Null while identity is unresolved (status AMBIGUOUS): confirm who this is first.';

/**
 * What police disclose to a MASH about one nominal: identity, active markers and summaries.
 * Never free-text intelligence (DPA 2018 Part 3 s37: adequate, relevant and not excessive).
 */
@ObjectType({ description: 'A person as known to police, summarised for MASH triage' })
export class PoliceNominalRecord {
  @Sensitivity('BASIC_IDENTITY')
  @Field(() => ID, { description: 'Local nominal reference, e.g. WK-NOM-0000123' })
  nominalId: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'PNC ID, YYYY/NNNNNNNC' })
  pncId: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'Given name as police record it' })
  givenName: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'Family name as police record it' })
  familyName: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => [PoliceAlias], { description: 'Other names (and dates of birth) the person is recorded under; empty when none' })
  aliases: PoliceAlias[];

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'ISO date' })
  dateOfBirth: string;

  // The history fields are null, not empty, for a possible (AMBIGUOUS) match: withheld is not "none".
  @Sensitivity('POLICE_INTELLIGENCE')
  @Field(() => [PoliceWarningMarker], { nullable: true, description: `Active warning markers, newest first. ${WITHHELD}` })
  warningMarkers: PoliceWarningMarker[] | null;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field(() => [PoliceDomesticAbuseIncident], { nullable: true, description: `Domestic-abuse incidents in the last 12 months where the person was a named party or which happened at their current address, newest first. Standard-risk incidents are left out when the grant carries OMIT_STANDARD_RISK_DOMESTIC_ABUSE (by default, unless the case records consent to early-help sharing). ${WITHHELD}` })
  domesticAbuseLast12Months: PoliceDomesticAbuseIncident[] | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => PoliceMissingSummary, { nullable: true, description: WITHHELD })
  missing: PoliceMissingSummary | null;

  @Sensitivity('POLICE_INTELLIGENCE')
  @Field(() => [PoliceExploitationFlag], { nullable: true, description: `Exploitation concerns, open and closed, newest first. ${WITHHELD}` })
  exploitationFlags: PoliceExploitationFlag[] | null;

  @Sensitivity('RESTRICTED')
  @Field(() => PolicePublicProtection, {
    nullable: true,
    description: `Public protection detail (MAPPA category and level, sex offender notification, SHPO, ViSOR); null when the person is not under offender management. Restricted: never released automatically (ISA_DENIED); ask the police public protection unit. ${WITHHELD}`,
  })
  publicProtection: PolicePublicProtection | null;
}
