import { OnwardNotificationKind } from './entities/enums';
import type { RecipientEndpoints } from './config';

/** Where to deliver a message to one recipient, or null when nowhere is configured (NO_ENDPOINT). */
export type EndpointDirectory = (kind: OnwardNotificationKind, recipientCode: string) => string | null;

export function endpointDirectory(endpoints: RecipientEndpoints, defaultEndpoint: string | null): EndpointDirectory {
  return (kind, code) => (kind === OnwardNotificationKind.OPERATION_ENCOMPASS ? endpoints.schools[code] : endpoints.gpPractices[code]) ?? defaultEndpoint;
}
