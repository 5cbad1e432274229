import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { AuditLog } from '../audit';
import { requireRole } from '../auth/require-role';
import type { AuthenticatedUser, HubRole } from '../auth/user';
import type { GatewayContext } from '../context';
import { HouseholdRole } from '../hub/entities/enums';
import { Subject } from '../hub/entities/subject.entity';
import { OnwardNotification } from '../notifications/entities/onward-notification.entity';
import { DomesticAbuseNotification } from './entities/da-notification.entity';
import { DomesticAbusePerson } from './entities/da-person.entity';
import { DomesticAbuseRole, ScreeningStatus } from './entities/enums';
import { DomesticAbuseNotificationInput, ScreenDomesticAbuseNotificationInput } from './inputs/notification.input';
import { DomesticAbuseIntake } from './intake';
import { queue, queueStats, waitingHours } from './queue';
import { DomesticAbuseQueueStats } from './queue-stats.type';
import { DomesticAbuseScreening } from './screening';
import { isUuid } from './validation';

/** Hub staff who screen; governance reads the queue pseudonymised. */
const SCREENERS: readonly HubRole[] = ['mash-triage', 'mash-manager'];
const READERS: readonly HubRole[] = ['mash-triage', 'mash-manager', 'governance'];

/**
 * Only the police force's system sends notifications: a token with role agency-admin and agency
 * police (the force's integration account). No new hub role: agency-admin already names an
 * agency's own system, and it never reads content (the ISA forbids it any ALLOW rule).
 */
function requirePoliceSystem(user: AuthenticatedUser | null): AuthenticatedUser {
  const admin = requireRole(user, ['agency-admin'], 'send domestic abuse notifications (the police force\'s system, agency-admin of police)');
  if (admin.agency !== 'police') {
    throw new GraphQLError(`Only the police force's system (agency-admin of police) may send domestic abuse notifications; your agency is ${admin.agency ?? 'none'}.`, { extensions: { code: 'FORBIDDEN' } });
  }
  return admin;
}

@Resolver(() => DomesticAbuseNotification)
export class DomesticAbuseResolver {
  @Mutation(() => DomesticAbuseNotification, {
    description:
      "The police force's system sends a STANDARD or MEDIUM risk domestic abuse notification to the screening queue (agency-admin of police only). " +
      'Idempotent on policeReference: sending it again returns the notification already held; the same reference with other details is BAD_USER_INPUT. Audited',
  })
  async receiveDomesticAbuseNotification(
    @Arg('input', () => DomesticAbuseNotificationInput, { description: 'The notification: police reference, when, DASH risk, children present, the people named' }) input: DomesticAbuseNotificationInput,
    @Ctx() context: GatewayContext,
  ): Promise<DomesticAbuseNotification> {
    const user = requirePoliceSystem(context.user);
    const intake = new DomesticAbuseIntake(context.hub, AuditLog.for(context.hub));
    const { notification } = await intake.receive(input, { userId: user.id, roles: user.roles, organisation: user.organisation, requestId: context.requestId });
    return notification;
  }

  @Query(() => [DomesticAbuseNotification], { description: 'The domestic abuse screening queue, oldest received first, each with how long it has waited' })
  domesticAbuseQueue(
    @Ctx() context: GatewayContext,
    @Arg('status', () => ScreeningStatus, { defaultValue: ScreeningStatus.WAITING, description: 'WAITING (the default) or SCREENED' }) status: ScreeningStatus,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many, 1 to 500 (values outside are clamped)' }) limit: number,
  ): Promise<DomesticAbuseNotification[]> {
    requireRole(context.user, READERS, 'read the domestic abuse screening queue');
    return queue(context.hub, status, limit);
  }

  @Query(() => DomesticAbuseNotification, { nullable: true, description: 'One domestic abuse notification by id' })
  domesticAbuseNotification(@Arg('id', () => ID, { description: "The notification's id" }) id: string, @Ctx() context: GatewayContext): Promise<DomesticAbuseNotification | null> {
    requireRole(context.user, READERS, 'read domestic abuse notifications');
    if (!isUuid(id)) throw new GraphQLError('Invalid input. id: is not an id (ids are UUIDs).', { extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    return context.hub.getRepository(DomesticAbuseNotification).findOneBy({ id });
  }

  @Query(() => DomesticAbuseQueueStats, { description: 'Counts and ages of the notifications waiting to be screened (oldest, median, over 7 and 28 days)' })
  domesticAbuseQueueStats(@Ctx() context: GatewayContext): Promise<DomesticAbuseQueueStats> {
    requireRole(context.user, READERS, 'read the domestic abuse screening queue');
    return queueStats(context.hub);
  }

  @Mutation(() => DomesticAbuseNotification, {
    description:
      'Screen a waiting notification: no further action, an early-help offer (consent recorded) or escalation to a MASH case. With children present, ' +
      "the child's school (and GP when the agreement says so) is queued to be told by 08:30 on the next school day, in the same transaction; " +
      'the school is found through education under the agreement, as you. Audited',
  })
  screenDomesticAbuseNotification(
    @Arg('input', () => ScreenDomesticAbuseNotificationInput, { description: 'The notification, the outcome and why' }) input: ScreenDomesticAbuseNotificationInput,
    @Ctx() context: GatewayContext,
  ): Promise<DomesticAbuseNotification> {
    const user = requireRole(context.user, SCREENERS, 'screen domestic abuse notifications');
    const screening = new DomesticAbuseScreening({ hub: context.hub, audit: AuditLog.for(context.hub), cases: context.cases, policies: context.policies, execute: context.execute });
    return screening.screen(input, user, context.requestId);
  }

  @FieldResolver(() => Int, { description: 'Whole hours it waited: until screened, or so far while waiting' })
  waitingHours(@Root() notification: DomesticAbuseNotification): number {
    return waitingHours(notification, new Date());
  }

  @FieldResolver(() => Int, { description: 'Whole days it waited: until screened, or so far while waiting' })
  waitingDays(@Root() notification: DomesticAbuseNotification): number {
    return Math.floor(waitingHours(notification, new Date()) / 24);
  }

  @FieldResolver(() => Int, { description: 'How many people it names' })
  personCount(@Root() notification: DomesticAbuseNotification, @Ctx() context: GatewayContext): Promise<number> {
    return context.hub.getRepository(DomesticAbusePerson).count({ where: { notificationId: notification.id } });
  }

  @FieldResolver(() => [DomesticAbusePerson], { nullable: true, description: 'The people it names, in the order sent; withheld (null, FORBIDDEN) from pseudonymised readers' })
  people(@Root() notification: DomesticAbuseNotification, @Ctx() context: GatewayContext): Promise<DomesticAbusePerson[]> {
    return context.hub.getRepository(DomesticAbusePerson).find({ where: { notificationId: notification.id }, order: { position: 'ASC' } });
  }

  @FieldResolver(() => [Subject], {
    nullable: true,
    description:
      'Escalated: its children as subjects of the case, each with what the agencies hold under the agreement; null until escalated. ' +
      'Withheld (null, FORBIDDEN) from pseudonymised readers',
  })
  async children(@Root() notification: DomesticAbuseNotification, @Ctx() context: GatewayContext): Promise<Subject[] | null> {
    if (!notification.caseId) return null;
    const people = await context.hub.getRepository(DomesticAbusePerson).find({ where: { notificationId: notification.id, role: DomesticAbuseRole.CHILD }, order: { position: 'ASC' } });
    const ids = people.flatMap((person) => (person.subjectId ? [person.subjectId] : []));
    if (ids.length === 0) return [];
    const subjects = await context.hub.getRepository(Subject).find({ where: { id: In(ids), caseId: notification.caseId } });
    return ids.flatMap((id) => subjects.filter((subject) => subject.id === id));
  }

  @FieldResolver(() => [Subject], {
    nullable: true,
    description:
      'Its children as the police named them, as people the agencies can be asked about (each id is the child\'s id in this notification, not a case subject). ' +
      'Used to find their school (Operation Encompass) and GP when the notification has no case: agencies answer about them only for that, only the school ' +
      'or GP practice, and only to whoever screened it or a manager retrying; any other request for agency data about them is refused. ' +
      'Empty when it names no child. Withheld (null, FORBIDDEN) from pseudonymised readers',
  })
  async childrenAtIncident(@Root() notification: DomesticAbuseNotification, @Ctx() context: GatewayContext): Promise<Subject[]> {
    const people = await context.hub.getRepository(DomesticAbusePerson).find({ where: { notificationId: notification.id, role: DomesticAbuseRole.CHILD }, order: { position: 'ASC' } });
    return people.map((person) => incidentChildAsSubject(person));
  }

  @FieldResolver(() => [OnwardNotification], { description: 'The messages to schools and GPs its screening queued, soonest due first; empty while waiting' })
  onwardNotifications(@Root() notification: DomesticAbuseNotification, @Ctx() context: GatewayContext): Promise<OnwardNotification[]> {
    return context.hub.getRepository(OnwardNotification).find({ where: { notificationId: notification.id }, order: { dueAt: 'ASC', createdAt: 'ASC' } });
  }
}

/**
 * A child of a notification as the federation's `Subject` (keyed by the notification person's id,
 * belonging to no case), so the planner can send them to an agency; never stored as a subject.
 */
export function incidentChildAsSubject(person: DomesticAbusePerson): Subject {
  return Object.assign(new Subject(), {
    id: person.id, householdRole: HouseholdRole.CHILD, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth,
    gender: person.gender, addressLine: person.addressLine, postcode: person.postcode, nhsNumber: person.nhsNumber, upn: person.upn, pncId: person.pncId,
  });
}
