import { DeliveryAttempt } from './entities/delivery-attempt.entity';
import { OnwardNotification } from './entities/onward-notification.entity';
import { OnwardNotificationResolver } from './outbox.resolver';

export { NotificationDispatcher, type DispatcherOptions } from './dispatcher';
export { endpointDirectory, type EndpointDirectory } from './directory';
export { notificationConfigFromEnv, NOTIFICATION_DEFAULTS, type NotificationConfig } from './config';
export { federatedExecutor, type FederatedExecutor } from './federated-executor';
export { demoInbox } from './demo-inbox';
export { OUTBOX_RULES } from './audit';

/** For the hub's data source. */
export const notificationEntities = [OnwardNotification, DeliveryAttempt];
/** For the hub's schema. */
export const notificationResolvers = [OnwardNotificationResolver] as const;
