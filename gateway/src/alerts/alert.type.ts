import { ArgsType, Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { GovernanceAlertKind, GovernanceAlertStatus } from './entities/enums';
import { GovernanceAlert } from './entities/governance-alert.entity';

@ArgsType()
export class GovernanceAlertsArgs {
  @Field(() => GovernanceAlertStatus, { nullable: true, description: 'Only alerts in this state (OPEN for what waits for review); all when left out' })
  status?: GovernanceAlertStatus | null;

  @Field(() => GovernanceAlertKind, { nullable: true, description: 'Only alerts of this kind; all when left out' })
  kind?: GovernanceAlertKind | null;

  @Field(() => Int, { defaultValue: 50, description: 'How many alerts, newest first: 1 to 200 (50 unless given)' })
  first: number;

  @Field(() => String, { nullable: true, description: "Continue after this cursor (a page's endCursor); from the newest when left out" })
  after?: string | null;
}

@ObjectType({ description: 'One page of alerts, newest first' })
export class GovernanceAlertPage {
  @Field(() => [GovernanceAlert], { description: 'The alerts on this page, newest first' })
  alerts: GovernanceAlert[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null when this page is empty' })
  endCursor: string | null;

  @Field({ description: 'Whether there are more alerts after this page' })
  hasNextPage: boolean;

  @Field(() => Int, { description: 'How many alerts match the filters, on every page together' })
  totalCount: number;
}

@ObjectType({ description: 'What one scan for alerts did' })
export class GovernanceAlertScan {
  @Field({ description: 'False when another gateway was scanning at the same moment (its scan covers the same ground)' })
  ran: boolean;

  @Field(() => Int, { description: 'Alerts raised by this scan (findings raised before are never raised again)' })
  raised: number;

  @Field(() => Int, { description: 'Access-log entries read since the previous scan' })
  entriesScanned: number;

  @Field(() => Int, { description: "Agencies' disclosure-log entries read since the previous scan" })
  disclosuresScanned: number;

  @Field({ description: 'The access-log position (seq) the scanner has read up to' })
  accessLogSeq: string;

  @Field(() => String, { nullable: true, description: 'The ISA policy version whose alert rules were used; null when none is active (the built-in rules were used)' })
  policyVersion: string | null;

  @Field(() => [String], { description: 'What a reviewer should know: rules skipped for bad thresholds, disclosure logs this gateway cannot read' })
  notes: string[];

  @Field(() => GraphQLISODateTime, { description: 'When the scan started' })
  scannedAt: Date;
}
