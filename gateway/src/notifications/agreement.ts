import type { NotificationsPolicy, PolicyDocument } from '../policy';
import { OnwardNotificationKind } from './entities/enums';

/** A policy version without a `notifications` section: Operation Encompass only. */
export const DEFAULT_NOTIFICATIONS: NotificationsPolicy = { operationEncompass: true, gpOnDomesticAbuse: false };

/** Who the active agreement says to tell about a child present at an incident, in order. */
export function onwardKinds(policy: PolicyDocument | null): OnwardNotificationKind[] {
  const settings = { ...DEFAULT_NOTIFICATIONS, ...policy?.notifications };
  return [
    ...(settings.operationEncompass ? [OnwardNotificationKind.OPERATION_ENCOMPASS] : []),
    ...(settings.gpOnDomesticAbuse ? [OnwardNotificationKind.GP_NOTIFICATION] : []),
  ];
}
