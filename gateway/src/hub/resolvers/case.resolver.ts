import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { In, LessThan, type FindOptionsWhere } from 'typeorm';
import { requireRole } from '../../auth/require-role';
import type { HubRole } from '../../auth/user';
import type { GatewayContext } from '../../context';
import { assertCaseId } from '../case-register';
import { Case } from '../entities/case.entity';
import { ConsentRecord } from '../entities/consent-record.entity';
import { CaseStatus, Rag } from '../entities/enums';
import { RagRating } from '../entities/rag-rating.entity';
import { Subject } from '../entities/subject.entity';

/** Who may read the hub's case register: the hub's own staff and governance. */
export const CASE_READERS: readonly HubRole[] = ['mash-triage', 'mash-manager', 'governance'];

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { name: 'case', nullable: true, description: 'One case by id' })
  async caseById(@Arg('id', () => ID, { description: "The case's id (a UUID, as cases or receiveReferral returns it)" }) id: string, @Ctx() context: GatewayContext): Promise<Case | null> {
    requireRole(context.user, CASE_READERS, 'read cases');
    assertCaseId(id, 'id');
    return context.hub.getRepository(Case).findOneBy({ id });
  }

  @Query(() => [Case], { description: 'Cases, soonest due first' })
  async cases(
    @Ctx() context: GatewayContext,
    @Arg('status', () => CaseStatus, { nullable: true, description: 'Only cases in this status; all when left out' }) status?: CaseStatus,
    @Arg('rag', () => [Rag], { nullable: true, description: 'Only cases currently rated one of these; all (unrated included) when left out or empty' }) rag?: Rag[],
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only open cases past their due time (overrides status). false or left out: no filter' }) overdue?: boolean,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many cases, 1 to 200 (values outside are clamped)' }) limit = 50,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Skip this many cases first, for paging (0 = start)' }) offset = 0,
  ): Promise<Case[]> {
    requireRole(context.user, CASE_READERS, 'read cases');
    const where: FindOptionsWhere<Case> = {};
    if (status) where.status = status;
    if (rag?.length) where.rag = In(rag);
    if (overdue) Object.assign(where, { status: CaseStatus.OPEN, dueBy: LessThan(new Date()) });
    return context.hub.getRepository(Case).find({
      where,
      order: { dueBy: 'ASC', reference: 'ASC' },
      take: Math.min(Math.max(limit, 1), 200),
      skip: Math.max(offset, 0),
    });
  }

  @FieldResolver(() => [Subject], {
    nullable: true,
    description: 'The people the referral names; withheld (null, FORBIDDEN) from pseudonymised readers such as governance, who see subjectCount',
  })
  subjects(@Root() record: Case, @Ctx() context: GatewayContext): Promise<Subject[]> {
    return context.hub.getRepository(Subject).find({ where: { caseId: record.id }, order: { householdRole: 'ASC', familyName: 'ASC', givenName: 'ASC' } });
  }

  @FieldResolver(() => Int, { description: 'How many people the referral names' })
  subjectCount(@Root() record: Case, @Ctx() context: GatewayContext): Promise<number> {
    return context.hub.getRepository(Subject).count({ where: { caseId: record.id } });
  }

  @FieldResolver(() => [RagRating], { description: 'Every rating and re-rating, oldest first' })
  ragHistory(@Root() record: Case, @Ctx() context: GatewayContext): Promise<RagRating[]> {
    return context.hub.getRepository(RagRating).find({ where: { caseId: record.id }, order: { ratedAt: 'ASC' } });
  }

  @FieldResolver(() => [ConsentRecord], { description: 'Every recording of consent, oldest first: who gave or refused it, how and when' })
  consentHistory(@Root() record: Case, @Ctx() context: GatewayContext): Promise<ConsentRecord[]> {
    return context.hub.getRepository(ConsentRecord).find({ where: { caseId: record.id }, order: { recordedAt: 'ASC' } });
  }

  @FieldResolver(() => Boolean, { description: 'Open past its due time' })
  overdue(@Root() record: Case): boolean {
    return record.status === CaseStatus.OPEN && record.dueBy.getTime() < Date.now();
  }
}
