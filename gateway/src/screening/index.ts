import { DomesticAbuseNotification } from './entities/da-notification.entity';
import { DomesticAbusePerson } from './entities/da-person.entity';
import { DomesticAbuseResolver } from './screening.resolver';

export { DomesticAbuseIntake } from './intake';
export { DomesticAbuseScreening } from './screening';
export { queueStats, type QueueStats } from './queue';
export { guardScreeningRecord } from './privacy';
export { SCREENING_RULES } from './audit';

/** For the hub's data source. */
export const screeningEntities = [DomesticAbuseNotification, DomesticAbusePerson];
/** For the hub's schema. */
export const screeningResolvers = [DomesticAbuseResolver] as const;
