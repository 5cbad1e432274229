import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/require-role';
import type { HubRole } from '../../auth/user';
import type { GatewayContext } from '../../context';
import { badInput } from '../../errors/bad-input';
import { assertCaseId } from '../case-register';
import { Case } from '../entities/case.entity';
import { CaseAssignment } from '../entities/case-assignment.entity';
import { ConsentRecord } from '../entities/consent-record.entity';
import { CaseKind, CaseStage, CaseStatus, Pathway, Rag } from '../entities/enums';
import { RagRating } from '../entities/rag-rating.entity';
import { Subject } from '../entities/subject.entity';
import { entityRead } from '../entity-reader';
import { OVERDUE_CONDITION } from '../overdue';

/** Who may read the hub's case register: the hub's own staff and governance. */
export const CASE_READERS: readonly HubRole[] = ['mash-triage', 'mash-manager', 'governance'];

const MINUTE_MS = 60_000;

/** On every triage query's path: read without the query builder (entity-reader.ts). */
export const CASE_BY_ID = entityRead(Case, 'id = $1');
export const SUBJECTS_OF_CASE = entityRead(Subject, 'case_id = $1', 'household_role ASC, family_name ASC, given_name ASC');

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { name: 'case', nullable: true, description: 'One case by id' })
  async caseById(@Arg('id', () => ID, { description: "The case's id (a UUID, as cases or receiveReferral returns it)" }) id: string, @Ctx() context: GatewayContext): Promise<Case | null> {
    requireRole(context.user, CASE_READERS, 'read cases');
    assertCaseId(id, 'id');
    return (await CASE_BY_ID(context.hub, [id]))[0] ?? null;
  }

  @Query(() => [Case], {
    description:
      'The queue: cases waiting for a decision first, soonest due first; then decided cases waiting for feedback or closure; then closed cases, each by due time. ' +
      'Every filter given must hold',
  })
  async cases(
    @Ctx() context: GatewayContext,
    @Arg('status', () => CaseStatus, { nullable: true, description: 'Only cases in this status; all when left out' }) status?: CaseStatus,
    @Arg('rag', () => [Rag], { nullable: true, description: 'Only cases currently rated one of these; all (unrated included) when left out or empty' }) rag?: Rag[],
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only open cases still waiting for a decision past their due time. false or left out: no filter' }) overdue?: boolean,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many cases, 1 to 200 (values outside are clamped)' }) limit = 50,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Skip this many cases first, for paging (0 = start)' }) offset = 0,
    @Arg('pathway', () => Pathway, { nullable: true, description: "Only the children's or the adults' pathway; both when left out" }) pathway?: Pathway,
    @Arg('kind', () => CaseKind, { nullable: true, description: 'Only referrals, or only information requests; both when left out' }) kind?: CaseKind,
    @Arg('stage', () => [CaseStage], { nullable: true, description: 'Only cases at one of these stages; all when left out or empty' }) stage?: CaseStage[],
    @Arg('assignee', () => String, { nullable: true, description: 'Only cases assigned to this user id' }) assignee?: string,
    @Arg('mine', () => Boolean, { nullable: true, description: 'true: only cases assigned to you (do not give assignee as well)' }) mine?: boolean,
  ): Promise<Case[]> {
    const user = requireRole(context.user, CASE_READERS, 'read cases');
    if (mine && assignee) throw badInput('mine', 'give assignee or mine, not both');
    const query = context.hub.getRepository(Case).createQueryBuilder('c');
    if (status) query.andWhere('c.status = :status', { status });
    if (rag?.length) query.andWhere('c.rag IN (:...rag)', { rag });
    if (overdue) query.andWhere(OVERDUE_CONDITION, { now: new Date() });
    if (pathway) query.andWhere('c.pathway = :pathway', { pathway });
    if (kind) query.andWhere('c.kind = :kind', { kind });
    if (stage?.length) query.andWhere('c.stage IN (:...stage)', { stage });
    if (assignee || mine) query.andWhere('c.assignee_id = :assignee', { assignee: mine ? user.id : assignee });
    return query
      .addSelect(`CASE WHEN c.status = 'CLOSED' THEN 2 WHEN c.decided_at IS NULL THEN 0 ELSE 1 END`, 'queue_position')
      .orderBy('queue_position', 'ASC')
      .addOrderBy('c.dueBy', 'ASC')
      .addOrderBy('c.reference', 'ASC')
      .limit(Math.min(Math.max(limit, 1), 200))
      .offset(Math.max(offset, 0))
      .getMany();
  }

  @FieldResolver(() => [Subject], {
    nullable: true,
    description: 'The people the referral names; withheld (null, FORBIDDEN) from pseudonymised readers such as governance, who see subjectCount',
  })
  subjects(@Root() record: Case, @Ctx() context: GatewayContext): Promise<Subject[]> {
    return SUBJECTS_OF_CASE(context.hub, [record.id]);
  }

  @FieldResolver(() => Int, { description: 'How many people the referral names' })
  subjectCount(@Root() record: Case, @Ctx() context: GatewayContext): Promise<number> {
    return context.hub.getRepository(Subject).count({ where: { caseId: record.id } });
  }

  @FieldResolver(() => [RagRating], { description: 'Every rating and re-rating, oldest first, each with the due time it set' })
  ragHistory(@Root() record: Case, @Ctx() context: GatewayContext): Promise<RagRating[]> {
    return context.hub.getRepository(RagRating).find({ where: { caseId: record.id }, order: { ratedAt: 'ASC' } });
  }

  @FieldResolver(() => [ConsentRecord], { description: 'Every recording of consent, oldest first: who gave or refused it, how and when' })
  consentHistory(@Root() record: Case, @Ctx() context: GatewayContext): Promise<ConsentRecord[]> {
    return context.hub.getRepository(ConsentRecord).find({ where: { caseId: record.id }, order: { recordedAt: 'ASC' } });
  }

  @FieldResolver(() => [CaseAssignment], { description: 'Every assignment, reassignment and unassignment, oldest first' })
  assignmentHistory(@Root() record: Case, @Ctx() context: GatewayContext): Promise<CaseAssignment[]> {
    return context.hub.getRepository(CaseAssignment).find({ where: { caseId: record.id }, order: { assignedAt: 'ASC' } });
  }

  @FieldResolver(() => Boolean, { description: 'Still waiting for a decision past its due time (an open case whose decision is not recorded)' })
  overdue(@Root() record: Case): boolean {
    return record.status === CaseStatus.OPEN && !record.decidedAt && record.dueBy.getTime() < Date.now();
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Minutes from receipt to the first rating; null until rated' })
  minutesToRating(@Root() record: Case): number | null {
    return minutesBetween(record.receivedAt, record.firstRatedAt);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Minutes from receipt to the decision; null until decided' })
  minutesToDecision(@Root() record: Case): number | null {
    return minutesBetween(record.receivedAt, record.decidedAt);
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The earlier case about the same person this referral re-refers (received within the policy window); null when none' })
  reReferralOf(@Root() record: Case, @Ctx() context: GatewayContext): Promise<Case | null> | null {
    return record.reReferralOf ? context.hub.getRepository(Case).findOneBy({ id: record.reReferralOf }) : null;
  }

  @FieldResolver(() => [Case], { description: 'Later referrals linked to this case as re-referrals of it, oldest first' })
  reReferrals(@Root() record: Case, @Ctx() context: GatewayContext): Promise<Case[]> {
    return context.hub.getRepository(Case).find({ where: { reReferralOf: record.id }, order: { receivedAt: 'ASC', reference: 'ASC' } });
  }
}

function minutesBetween(from: Date, to: Date | null): number | null {
  return to ? Math.floor((to.getTime() - from.getTime()) / MINUTE_MS) : null;
}
