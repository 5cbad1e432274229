import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AuditDecision, AuditKind } from './audit-entry.entity';

registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: 'What an access-log entry records',
  valuesConfig: {
    AGENCY_FETCH: { description: 'A decision to fetch, or not, one agency\'s data for the subjects of one case' },
    CASE_MUTATION: { description: 'A change to a case: referral received, rated, rating confirmed or overturned, consent, decision' },
    POLICY_CHANGE: { description: 'An ISA policy version proposed or activated' },
    AUDIT_READ: { description: 'A governance read of this access log or its chain check' },
    CASE_READ: { description: 'A read of the hub\'s own record of a case (subjects, concern, history): which fields, once per request per case' },
    REQUEST_REFUSED: { description: 'A request refused before anything was read, because it was too large or too costly' },
  },
});
registerEnumType(AuditDecision, {
  name: 'AuditDecision',
  description: 'ALLOWED or DENIED for a decision; RECORDED for an event that is not one',
});

@ObjectType({ description: "One entry of the hub's access log. Ids only: it never holds a person's name" })
export class AccessLogEntry {
  @Field({ description: 'Position in the hash chain (a bigint, as a string)' })
  seq: string;

  @Field(() => ID)
  id: string;

  @Field({ description: 'ISO timestamp' })
  recordedAt: string;

  @Field(() => AuditKind)
  kind: AuditKind;

  @Field(() => String, { nullable: true, description: "The user's id; null for the system itself" })
  actorId: string | null;

  @Field(() => [String])
  actorRoles: string[];

  @Field(() => String, { nullable: true })
  organisation: string | null;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => [ID])
  subjectIds: string[];

  @Field(() => String, { nullable: true })
  agency: string | null;

  @Field(() => [String], { description: 'The GraphQL fields the request asked for' })
  fields: string[];

  @Field(() => AuditDecision)
  decision: AuditDecision;

  @Field(() => String, { nullable: true, description: 'The ISA policy rule that decided' })
  rule: string | null;

  @Field(() => String, { nullable: true })
  policyVersion: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  grantId: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field({ description: 'Hash of the entry before this one (64 zeros for the first)' })
  prevHash: string;

  @Field()
  hash: string;
}

@ObjectType({ description: 'Where the chain is first broken' })
export class AuditChainBreak {
  @Field()
  seq: string;

  @Field(() => ID)
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

  @Field(() => AuditChainBreak, { nullable: true })
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
  @Field(() => ID, { nullable: true })
  caseId: string | null = null;

  @Field(() => String, { nullable: true })
  agency: string | null = null;

  @Field(() => AuditDecision, { nullable: true })
  decision: AuditDecision | null = null;

  @Field(() => String, { nullable: true, description: 'ISO timestamp: entries recorded at or after it' })
  since: string | null = null;

  @Field(() => Int, { defaultValue: 100, description: 'Newest entries to return, 1 to 1000' })
  limit: number = 100;
}
