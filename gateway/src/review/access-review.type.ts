import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { AccessLogEntry, AuditDecision, AuditKind } from '../audit';

/** Most entries one page holds. */
export const MAX_PAGE = 200;

/** accessReview's filters; each narrows the log, and all given must hold. */
@ArgsType()
export class AccessReviewArgs {
  @Field(() => String, { nullable: true, description: 'Only what this user did: their user id as the access log records it (the subject of their token, e.g. triage-7)' })
  userId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Only entries about this case: its id (a UUID) or its reference (MASH-YYYY-NNNNNN)' })
  case: string | null = null;

  @Field(() => ID, { nullable: true, description: "Only entries that name this subject: the hub's id of the person (a UUID), as the access log holds it" })
  subjectId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Only entries about this agency: police, social-care, health or education' })
  agency: string | null = null;

  @Field(() => AuditDecision, { nullable: true, description: 'Only entries with this decision: ALLOWED, DENIED or RECORDED' })
  decision: AuditDecision | null = null;

  @Field(() => String, { nullable: true, description: 'Only entries decided or recorded under this rule, e.g. green-no-agency-data (a policy rule id) or RATE_CASE (a case change)' })
  rule: string | null = null;

  @Field(() => AuditKind, { nullable: true, description: 'Only entries of this kind, e.g. AGENCY_FETCH' })
  kind: AuditKind | null = null;

  @Field(() => String, { nullable: true, description: 'Start of the period, included: an ISO 8601 timestamp with an offset (2026-06-01T09:00:00Z) or a date (2026-06-01: midnight at its start, UK time)' })
  from: string | null = null;

  @Field(() => String, { nullable: true, description: 'End of the period, not included, written like from; to=2026-07-01 with from=2026-06-01 covers June. Must be later than from' })
  to: string | null = null;

  @Field(() => Int, { defaultValue: 50, description: `Entries on this page, 1 to ${MAX_PAGE}; 50 unless given` })
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Where this page starts: pageInfo.endCursor of the page before, with the same filters; leave out for the newest entries' })
  after: string | null = null;
}

@ObjectType({ description: 'One entry of the access log on a page of accessReview, with its place in the list' })
export class AccessLogEdge {
  @Field({ description: 'Opaque position of this entry: pass it as after to continue from here (with the same filters)' })
  cursor: string;

  @Field(() => AccessLogEntry, { description: 'The access-log entry' })
  node: AccessLogEntry;

  @Field(() => String, { nullable: true, description: "The reference (MASH-YYYY-NNNNNN) of the entry's case; null when the entry is about no case of the hub (e.g. a policy change, a domestic abuse notification)" })
  caseReference: string | null;
}

@ObjectType({ description: 'Where a page of accessReview sits in the whole result' })
export class AccessReviewPageInfo {
  @Field({ description: 'True when older entries match the filters: ask again with after set to endCursor' })
  hasNextPage: boolean;

  @Field({ description: 'True when this page was asked for with after, so newer matching entries came before it' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first entry's cursor on this page; null for an empty page" })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last entry's cursor on this page: pass it as after for the next page; null for an empty page" })
  endCursor: string | null;
}

@ObjectType({ description: 'A page of the access log, newest entries first (a cursor connection: edges and pageInfo)' })
export class AccessLogConnection {
  @Field(() => [AccessLogEdge], { description: 'The entries on this page, newest first' })
  edges: AccessLogEdge[];

  @Field(() => AccessReviewPageInfo, { description: 'Whether there is more, and the cursor to ask for it' })
  pageInfo: AccessReviewPageInfo;
}
