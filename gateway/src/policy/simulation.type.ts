import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHANGE_KINDS, SKIP_REASONS, type ChangeKind, type SkipReason } from './simulation-tally';

export const SimulatedChange = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, kind])) as { [K in ChangeKind]: K };
registerEnumType(SimulatedChange, {
  name: 'SimulatedChange',
  description: 'How a logged decision would change under the simulated ISA version',
  valuesConfig: {
    ALLOWED_TO_DENIED: { description: 'Allowed at the time; the simulated version would refuse it' },
    DENIED_TO_ALLOWED: { description: 'Refused at the time; the simulated version would allow it' },
    LEVELS_NARROWED: { description: 'Allowed under both, but the simulated version releases fewer field sensitivity levels' },
    LEVELS_WIDENED: { description: 'Allowed under both, and the simulated version releases at least one field sensitivity level that was not released' },
  },
});

export const SimulationSkipReason = Object.fromEntries(Object.keys(SKIP_REASONS).map((reason) => [reason, reason])) as { [K in SkipReason]: K };
registerEnumType(SimulationSkipReason, {
  name: 'SimulationSkipReason',
  description: 'Why a logged agency fetch was not decided again: no ISA rule took that decision',
  valuesConfig: Object.fromEntries(Object.entries(SKIP_REASONS).map(([reason, description]) => [reason, { description }])),
});

/** The counts every row carries; each type below inherits its fields. */
@ObjectType({ description: 'How many logged decisions would change, and how' })
export abstract class SimulationCounts {
  @Field(() => Int, { description: 'Decisions the policy took that were decided again under the simulated version' })
  reEvaluated: number;

  @Field(() => Int, { description: 'Decided the same way (same outcome and, where recorded, the same levels released)' })
  unchanged: number;

  @Field(() => Int, { description: 'Allowed at the time, refused under the simulated version' })
  allowedToDenied: number;

  @Field(() => Int, { description: 'Refused at the time, allowed under the simulated version' })
  deniedToAllowed: number;

  @Field(() => Int, { description: 'Allowed under both, with fewer field sensitivity levels released' })
  levelsNarrowed: number;

  @Field(() => Int, { description: 'Allowed under both, with at least one field sensitivity level released that was not' })
  levelsWidened: number;
}

@ObjectType({ description: 'The changes for one pair of deciding rules: the rule recorded at the time and the rule of the simulated version' })
export class SimulationRuleRow extends SimulationCounts {
  @Field({ description: 'The rule that decided at the time, as the access log recorded it' })
  recordedRule: string;

  @Field({ description: 'The rule that decides under the simulated version' })
  simulatedRule: string;
}

@ObjectType({ description: 'The changes for users holding one set of hub roles' })
export class SimulationRoleRow extends SimulationCounts {
  @Field(() => [String], { description: 'The hub roles the user held at the time, e.g. mash-triage' })
  roles: string[];
}

@ObjectType({ description: "The changes for one agency's data" })
export class SimulationAgencyRow extends SimulationCounts {
  @Field({ description: 'police, social-care, health or education' })
  agency: string;
}

@ObjectType({ description: 'A number of logged fetches not decided again, and why' })
export class SimulationSkipped {
  @Field(() => SimulationSkipReason, { description: 'Why these were not decided again' })
  reason: SkipReason;

  @Field(() => Int, { description: 'How many entries of the period' })
  count: number;

  @Field({ description: 'The reason in plain words' })
  description: string;
}

@ObjectType({ description: 'How many re-evaluated decisions were taken under one ISA version' })
export class SimulationRecordedVersion {
  @Field({ description: 'The ISA version in force when the decision was taken' })
  policyVersion: string;

  @Field(() => Int, { description: 'How many of the re-evaluated decisions' })
  count: number;
}

@ObjectType({ description: 'One logged decision that would change: ids and the hub reference only, never a name' })
export class SimulationExampleRow {
  @Field(() => SimulatedChange, { description: 'How it would change' })
  change: ChangeKind;

  @Field({ description: "The access-log entry's sequence number" })
  seq: string;

  @Field({ description: "The access-log entry's id" })
  entryId: string;

  @Field(() => GraphQLISODateTime, { description: 'When the decision was recorded' })
  recordedAt: Date;

  @Field({ description: "The case's id" })
  caseId: string;

  @Field(() => String, { nullable: true, description: "The case's hub reference, e.g. MASH-2026-000001; null if the case is no longer held" })
  caseReference: string | null;

  @Field({ description: "The user's id (the token's subject), never a name" })
  userId: string;

  @Field(() => [String], { description: 'The hub roles the user held' })
  roles: string[];

  @Field({ description: 'The agency whose data was asked for' })
  agency: string;

  @Field({ description: 'The rule that decided at the time' })
  recordedRule: string;

  @Field({ description: 'The rule that decides under the simulated version' })
  simulatedRule: string;

  @Field(() => [String], { nullable: true, description: 'Field sensitivity levels released at the time; null when refused or not recorded' })
  recordedLevels: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Field sensitivity levels the simulated version would release; null when it refuses' })
  simulatedLevels: string[] | null;
}

@ObjectType({ description: 'What an ISA version would have decided over the access log of a period, compared with what was decided' })
export class PolicySimulation extends SimulationCounts {
  @Field(() => GraphQLISODateTime, { description: 'Start of the period read (included)' })
  from: Date;

  @Field(() => GraphQLISODateTime, { description: 'End of the period read (excluded)' })
  to: Date;

  @Field({ description: 'The ISA version simulated' })
  version: string;

  @Field(() => String, { nullable: true, description: 'Its status when simulated (e.g. DRAFT, ACTIVE, RETIRED)' })
  versionStatus: string | null;

  @Field(() => Int, { description: "Agency-fetch entries of the access log recorded in the period" })
  entriesRead: number;

  @Field(() => Int, { description: 'Of the unchanged: the same outcome reached by a different rule' })
  ruleChanged: number;

  @Field(() => Int, { description: 'Of the unchanged: allowed under both, but the entry recorded no released levels to compare (written before field classification)' })
  levelsNotCompared: number;

  @Field(() => [SimulationSkipped], { description: 'Entries read but not decided again, by reason' })
  notReEvaluated: SimulationSkipped[];

  @Field(() => [SimulationRecordedVersion], { description: 'The ISA versions the re-evaluated decisions were taken under' })
  recordedUnder: SimulationRecordedVersion[];

  @Field(() => [SimulationRuleRow], { description: 'The changes by recorded rule and simulated rule, most changes first' })
  byRule: SimulationRuleRow[];

  @Field(() => [SimulationRoleRow], { description: "The changes by the user's hub roles, most changes first" })
  byRole: SimulationRoleRow[];

  @Field(() => [SimulationAgencyRow], { description: 'The changes by agency, most changes first' })
  byAgency: SimulationAgencyRow[];

  @Field(() => [SimulationExampleRow], { description: 'Up to the number asked of the first changes of each kind, in log order, by case reference' })
  examples: SimulationExampleRow[];

  @Field(() => [String], { description: 'How this was measured: which entries were read, what was decided again, what was not and why, and the limits' })
  method: string[];
}
