import { AccessReviewResolver } from './access-review.resolver';
import { UserActivityResolver } from './activity.resolver';
import { AccessReviewIndexes1764820000000 } from './migrations/1764820000000-AccessReviewIndexes';
import { SubjectIndexWithoutPendingList1764820000001 } from './migrations/1764820000001-SubjectIndexWithoutPendingList';
import { WhoHasSeenResolver } from './who-has-seen.resolver';

export * from './access-review.type';
export * from './who-has-seen.type';
export * from './activity.type';
export { accessFilters, accessPage, type AccessFilters } from './access-review';
export { userActivity, sortActivity, ACCESS_KINDS } from './activity';
export { checkPerson, findPerson, PersonMatch, type PersonSubject } from './person';
export { encodeCursor, decodeCursor } from './cursor';
export { isWorkingTime, nonWorkingDays, reviewCalendar } from './working-time';
export { REVIEWERS } from './guard';
export { SUBJECT_ACCESS_REVIEW, SUBJECT_ACCESS_REVIEW_RULE } from './purpose';

/** For the hub's data source. */
export const reviewMigrations = [AccessReviewIndexes1764820000000, SubjectIndexWithoutPendingList1764820000001];
/** For the hub's schema. */
export const reviewResolvers = [AccessReviewResolver, WhoHasSeenResolver, UserActivityResolver] as const;
