import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuditLog } from '../audit';
import { requireRole } from '../auth/require-role';
import type { HubRole } from '../auth/user';
import type { GatewayContext } from '../context';
import { DeliveryAttempt } from './entities/delivery-attempt.entity';
import { OnwardNotificationStatus } from './entities/enums';
import { OnwardNotification } from './entities/onward-notification.entity';
import { retryNotification } from './retry';

/** The outbox holds ids, codes and times only, so governance reads it as staff do. */
const READERS: readonly HubRole[] = ['mash-triage', 'mash-manager', 'governance'];
const MANAGERS: readonly HubRole[] = ['mash-manager'];

@Resolver(() => OnwardNotification)
export class OnwardNotificationResolver {
  @Query(() => [OnwardNotification], { description: 'The onward-notification outbox, soonest due first: what is waiting, delivered, failed or has no recipient' })
  notificationOutbox(
    @Ctx() context: GatewayContext,
    @Arg('status', () => OnwardNotificationStatus, { nullable: true, description: 'Only messages in this state (e.g. FAILED or RECIPIENT_NOT_FOUND for what needs a manager); all when left out' }) status?: OnwardNotificationStatus,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many, 1 to 500 (values outside are clamped)' }) limit = 50,
  ): Promise<OnwardNotification[]> {
    requireRole(context.user, READERS, 'read the onward-notification outbox');
    return context.hub.getRepository(OnwardNotification).find({
      where: status ? { status } : {},
      order: { dueAt: 'ASC', createdAt: 'ASC' },
      take: Math.min(Math.max(limit, 1), 500),
    });
  }

  @Mutation(() => OnwardNotification, {
    description:
      'Managers: try an undelivered message again. No recipient found: looked up again, as you, under the agreement (e.g. after the case is rated and confirmed); ' +
      'FAILED: a new round of delivery attempts. Audited',
  })
  retryNotification(@Arg('id', () => ID, { description: "The message's id, as notificationOutbox returns it" }) id: string, @Ctx() context: GatewayContext): Promise<OnwardNotification> {
    const user = requireRole(context.user, MANAGERS, 'retry onward notifications');
    return retryNotification({ hub: context.hub, audit: AuditLog.for(context.hub), execute: context.execute }, id, user, context.requestId);
  }

  @FieldResolver(() => Boolean, { description: 'Not delivered by its due time (delivered late, or still undelivered after it)' })
  late(@Root() row: OnwardNotification): boolean {
    return (row.deliveredAt ?? new Date()).getTime() > row.dueAt.getTime();
  }

  @FieldResolver(() => [DeliveryAttempt], { description: 'Every delivery attempt, oldest first' })
  attemptLog(@Root() row: OnwardNotification, @Ctx() context: GatewayContext): Promise<DeliveryAttempt[]> {
    return context.hub.getRepository(DeliveryAttempt).find({ where: { outboxId: row.id }, order: { attempt: 'ASC' } });
  }
}
