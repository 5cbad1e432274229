export * from './types';
export { failedChecks, formatReport, summaryLine } from './report';
export * from './run';
export { ConformanceGrants, CONFORMANCE_USER, type BadGrant, type Grant } from './grants';
export { startThrowawayDeployment, type ThrowawayDeployment, type ThrowawayOptions } from './deployment';
export { insertConformancePeople, type PrepareOptions } from './prepare';
export { CONTRACT_ERROR_CODES } from './checks/error-codes';
