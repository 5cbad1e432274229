import { CaseFindings1764700000000 } from './migrations/1764700000000-CaseFindings';
import { HubReportResolver } from './report.resolver';

export { buildHubReport } from './hub-report';
export { reportPeriod, REPORT_TIME_ZONE } from './period';
export * from './report.type';

/** For the hub's data source. */
export const reportMigrations = [CaseFindings1764700000000];
/** For the hub's schema. */
export const reportResolvers = [HubReportResolver] as const;
