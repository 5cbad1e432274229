/** Access-log rule names for the onward-notification outbox (kind CASE_MUTATION; ids and codes only). */
export const OUTBOX_RULES = {
  queued: 'ONWARD_NOTIFICATION_QUEUED',
  attempt: 'ONWARD_NOTIFICATION_ATTEMPT',
  retry: 'ONWARD_NOTIFICATION_RETRY',
} as const;

/** The dispatcher as the access log names it. */
export const DISPATCHER_ACTOR = { userId: 'system:notification-dispatcher', roles: [] as string[] };
