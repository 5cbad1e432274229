import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AuditDecision, AuditKind } from './audit-entry.entity';

registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: 'What an access-log entry records',
  valuesConfig: {
    AGENCY_FETCH: { description: 'A decision to fetch, or not, one agency\'s data for the subjects of one case' },
    CASE_MUTATION: { description: 'A change to a case: referral received, rated, rating confirmed or overturned, consent, decision' },
    POLICY_CHANGE: { description: "A step in an ISA policy version's life: proposed, approved, activated or withdrawn, or a refused attempt (decision DENIED)" },
    AUDIT_READ: { description: 'A governance read of this access log or its chain check' },
    CASE_READ: { description: 'A read of the hub\'s own record of a case (subjects, concern, history): which fields, once per request per case' },
    REQUEST_REFUSED: { description: 'A request refused before anything was read, because it was too large or too costly' },
    ALERT_REVIEW: { description: 'A governance user acknowledging an alert for review (governanceAlerts), with the alert\'s id; their note is kept with the alert' },
  },
});
registerEnumType(AuditDecision, {
  name: 'AuditDecision',
  description: 'ALLOWED or DENIED for a decision; RECORDED for an event that is not one',
  valuesConfig: {
    ALLOWED: { description: 'The request was allowed (e.g. an agency fetch the ISA policy permits, a governance read of the log)' },
    DENIED: { description: 'The request was refused; reason says why and rule which rule refused it' },
    RECORDED: { description: 'Not a decision: an event written down, such as a case change or an ISA policy change' },
  },
});

@ObjectType({ description: "One entry of the hub's access log. Ids only: it never holds a person's name" })
export class AccessLogEntry {
  @Field({ description: 'Position in the hash chain (a bigint, as a string)' })
  seq: string;

  @Field(() => ID, { description: "The entry's id (a UUID)" })
  id: string;

  @Field({ description: 'ISO timestamp' })
  recordedAt: string;

  @Field(() => AuditKind, { description: 'What the entry records' })
  kind: AuditKind;

  @Field(() => String, { nullable: true, description: "The user's id; null for the system itself" })
  actorId: string | null;

  @Field(() => [String], { description: "The hub roles the user's token carried (e.g. mash-triage); empty when not recorded" })
  actorRoles: string[];

  @Field(() => String, { nullable: true, description: "The user's organisation, from their token; null when not recorded" })
  organisation: string | null;

  @Field(() => ID, { nullable: true, description: 'The case concerned; null when the entry is not about one case (e.g. a policy change)' })
  caseId: string | null;

  @Field(() => [ID], { description: 'Ids of the subjects concerned (never names); empty when none' })
  subjectIds: string[];

  @Field(() => String, { nullable: true, description: 'The agency concerned: police, social-care, health or education; null when none' })
  agency: string | null;

  @Field(() => [String], { description: 'The GraphQL fields the request asked for' })
  fields: string[];

  @Field(() => AuditDecision, { description: 'ALLOWED, DENIED, or RECORDED for an event that is not a decision' })
  decision: AuditDecision;

  @Field(() => String, { nullable: true, description: 'The ISA policy rule that decided' })
  rule: string | null;

  @Field(() => String, { nullable: true, description: 'The ISA policy version that decided, or for POLICY_CHANGE the version the step concerns; null when none applied' })
  policyVersion: string | null;

  @Field(() => String, { nullable: true, description: 'What happened, in plain words; ids and codes only, never names' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: "Id of the signed grant sent to the agency with an allowed fetch; the agency's disclosure log records the same id. Null otherwise" })
  grantId: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the GraphQL request (a UUID per request): entries with the same id come from one request. Null when not recorded (e.g. ISA policy changes, work outside a request)' })
  requestId: string | null;

  @Field({ description: 'Hash of the entry before this one (64 zeros for the first)' })
  prevHash: string;

  @Field({ description: "SHA-256 (64 hex characters) of this entry's content and prevHash; the next entry's prevHash repeats it" })
  hash: string;
}

@ObjectType({ description: 'Where the chain is first broken' })
export class AuditChainBreak {
  @Field({ description: 'Position in the chain of the first entry that fails the check (a bigint, as a string)' })
  seq: string;

  @Field(() => ID, { description: "That entry's id" })
  id: string;

  @Field({ description: 'What is wrong, in plain words' })
  reason: string;
}

@ObjectType({ description: 'The result of recomputing every hash and link of the access log' })
export class AuditChainReport {
  @Field({ description: 'True when every entry is unaltered and linked to the one before it' })
  ok: boolean;

  @Field(() => Int, { description: 'Entries checked' })
  entries: number;

  @Field(() => AuditChainBreak, { nullable: true, description: 'The first entry found altered or unlinked; null when ok' })
  firstBroken: AuditChainBreak | null;

  @Field(() => String, { nullable: true, description: 'seq of the last entry checked' })
  headSeq: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the last entry: note it outside the hub to detect later removal from the end',
  })
  headHash: string | null;

  @Field({ description: 'ISO timestamp of the check' })
  checkedAt: string;
}

/** accessLog's filters; a class keeps the arguments in this order in the schema. */
@ArgsType()
export class AccessLogArgs {
  @Field(() => ID, { nullable: true, description: 'Only entries about this case (its id)' })
  caseId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Only entries about this agency: police, social-care, health or education' })
  agency: string | null = null;

  @Field(() => AuditDecision, { nullable: true, description: 'Only entries with this decision' })
  decision: AuditDecision | null = null;

  @Field(() => String, { nullable: true, description: 'ISO timestamp: entries recorded at or after it' })
  since: string | null = null;

  @Field(() => Int, { defaultValue: 100, description: 'Newest entries to return, 1 to 1000' })
  limit: number = 100;
}
