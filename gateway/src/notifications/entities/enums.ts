import { registerEnumType } from 'type-graphql';

export enum OnwardNotificationKind {
  OPERATION_ENCOMPASS = 'OPERATION_ENCOMPASS',
  GP_NOTIFICATION = 'GP_NOTIFICATION',
}
registerEnumType(OnwardNotificationKind, {
  name: 'OnwardNotificationKind',
  description: 'Who is told about a domestic abuse incident a child was present at, and under which arrangement',
  valuesConfig: {
    OPERATION_ENCOMPASS: { description: "The child's school's Designated Safeguarding Lead, before the start of the next school day (Operation Encompass)" },
    GP_NOTIFICATION: { description: "The child's GP practice, when the ISA policy says so (notifications.gpOnDomesticAbuse)" },
  },
});

export enum OnwardNotificationStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  RECIPIENT_NOT_FOUND = 'RECIPIENT_NOT_FOUND',
}
registerEnumType(OnwardNotificationStatus, {
  name: 'OnwardNotificationStatus',
  description: 'Where an onward notification stands in the outbox',
  valuesConfig: {
    PENDING: { description: 'The recipient is known; waiting for its first delivery attempt' },
    RETRYING: { description: 'A delivery attempt failed; it is tried again at nextAttemptAt (exponential backoff)' },
    DELIVERED: { description: "The recipient's system accepted it" },
    FAILED: { description: 'Every attempt of the last round failed: nobody has been told. A manager can retry it (retryNotification) or tell the recipient another way' },
    RECIPIENT_NOT_FOUND: { description: 'Who to tell could not be found (see problem): nothing was sent. A manager can retry the look-up once the cause is dealt with' },
  },
});

export enum OnwardNotificationProblem {
  NO_CASE = 'NO_CASE',
  DENIED = 'DENIED',
  UNAVAILABLE = 'UNAVAILABLE',
  NOT_KNOWN = 'NOT_KNOWN',
  AMBIGUOUS = 'AMBIGUOUS',
  NOT_ON_ROLL = 'NOT_ON_ROLL',
  NOT_REGISTERED = 'NOT_REGISTERED',
  NOT_IN_CASE = 'NOT_IN_CASE',
  NO_ENDPOINT = 'NO_ENDPOINT',
  DELIVERY_FAILED = 'DELIVERY_FAILED',
}
registerEnumType(OnwardNotificationProblem, {
  name: 'OnwardNotificationProblem',
  description: 'Why an onward notification has not (yet) reached its recipient',
  valuesConfig: {
    NO_CASE: { description: 'The notification was not escalated to a case, and the agreement lets agencies be asked only about the subjects of a case: the school or GP could not be looked up' },
    DENIED: { description: "The agreement did not allow the look-up (e.g. the case is GREEN, unrated or its rating awaits confirmation); the reason names the rule. Nothing was fetched" },
    UNAVAILABLE: { description: 'Education or health did not answer in time; retry the look-up later' },
    NOT_KNOWN: { description: 'Education (or health) holds no record of the child' },
    AMBIGUOUS: { description: 'Education (or health) could not tell which of several records is the child: confirm the match on the case first' },
    NOT_ON_ROLL: { description: 'Education knows the child but they are on no school roll (possibly missing education)' },
    NOT_REGISTERED: { description: 'Health knows the child but they are registered with no GP practice (or the record is restricted)' },
    NOT_IN_CASE: { description: "The child is not among the escalated case's subjects" },
    NO_ENDPOINT: { description: "No delivery address is configured for the recipient's URN or practice code" },
    DELIVERY_FAILED: { description: "The recipient's system refused the notification or did not answer" },
  },
});
