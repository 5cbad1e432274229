import { Sensitivity } from '@mash/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  DashRiskLevel, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceRole, WarningMarkerType,
} from './enums';

@ObjectType({ description: 'Another name (and date of birth) the person is recorded under' })
export class PoliceAlias {
  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'Given name used under this alias' })
  givenName: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'Family name used under this alias' })
  familyName: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'ISO date, when the alias used a different one' })
  dateOfBirth: string | null;
}

@ObjectType({ description: 'An active warning marker: a caution for anyone visiting, not an allegation' })
export class PoliceWarningMarker {
  @Sensitivity('POLICE_INTELLIGENCE')
  @Field(() => WarningMarkerType, { description: 'What the marker cautions about' })
  type: WarningMarkerType;

  @Sensitivity('POLICE_INTELLIGENCE')
  @Field(() => MarkerSource, { description: 'Whether the marker is on the Police National Computer or only on the force system' })
  source: MarkerSource;

  @Sensitivity('POLICE_INTELLIGENCE')
  @Field({ description: 'ISO date the marker was set' })
  since: string;
}

@ObjectType({ description: 'A police-attended domestic-abuse incident in the last 12 months' })
export class PoliceDomesticAbuseIncident {
  @Sensitivity('CRIMINAL_OFFENCE')
  @Field({ description: 'Force occurrence reference, to quote when asking police for more' })
  reference: string;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field({ description: 'ISO date reported' })
  reportedOn: string;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field(() => OccurrenceRole, {
    nullable: true,
    description: "The person's role; null when the incident was at their current address but they were not a named party",
  })
  role: OccurrenceRole | null;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field({ description: 'True when police recorded children present at the incident' })
  childrenPresent: boolean;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field(() => DashRiskLevel, { nullable: true, description: 'Risk level of the DASH assessment, if one was completed' })
  dashRiskLevel: DashRiskLevel | null;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field({ description: 'True when a DASH assessment on the incident led to a referral to MARAC (Multi-Agency Risk Assessment Conference)' })
  maracReferral: boolean;
}

@ObjectType({ description: 'Missing-person episodes; repeat missing is a key exploitation indicator' })
export class PoliceMissingSummary {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Int, { description: 'Number of times reported missing in the last 90 days, counted back from today' })
  episodesLast90Days: number;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Int, { description: 'Number of times reported missing in the last 12 months; 3 or more counts as repeat missing' })
  episodesLast12Months: number;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => MissingRiskLevel, { nullable: true, description: 'Highest risk level of any missing report in the last 12 months; null when there was none' })
  highestRiskLast12Months: MissingRiskLevel | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, { nullable: true, description: 'ISO date of the latest report, at any time' })
  lastReportedOn: string | null;
}

@ObjectType({ description: 'An exploitation concern recorded by police' })
export class PoliceExploitationFlag {
  @Sensitivity('POLICE_INTELLIGENCE')
  @Field(() => ExploitationType, { description: 'The kind of exploitation' })
  type: ExploitationType;

  @Sensitivity('POLICE_INTELLIGENCE')
  @Field(() => ExploitationStatus, { description: 'Whether the concern is suspected, confirmed or closed' })
  status: ExploitationStatus;

  @Sensitivity('POLICE_INTELLIGENCE')
  @Field({ description: 'Referred to the National Referral Mechanism' })
  nrmReferral: boolean;

  @Sensitivity('POLICE_INTELLIGENCE')
  @Field({ description: 'ISO date' })
  flaggedOn: string;
}
