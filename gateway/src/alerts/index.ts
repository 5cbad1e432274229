import { GovernanceAlertResolver } from './alerts.resolver';
import { AlertWatermark } from './entities/alert-watermark.entity';
import { GovernanceAlert } from './entities/governance-alert.entity';
import { GovernanceAlerts1764830000000 } from './migrations/1764830000000-GovernanceAlerts';
import { AlertReviewAuditKind1764830000001 } from './migrations/1764830000001-AlertReviewAuditKind';

export * from './entities/enums';
export { GovernanceAlert, AlertEvidence } from './entities/governance-alert.entity';
export { AlertScanner, SCAN_LOCK, type ScanReport, type AlertScannerOptions } from './scanner';
export { AlertScheduler } from './scheduler';
export { alertConfigFromEnv, ALERT_DEFAULTS, type AlertConfig } from './config';
export { acknowledgeAlert } from './acknowledge';
export { alertRuleErrors } from './rules';

/** For the hub's data source. */
export const alertEntities = [GovernanceAlert, AlertWatermark];
export const alertMigrations = [GovernanceAlerts1764830000000, AlertReviewAuditKind1764830000001];
/** For the hub's schema. */
export const alertResolvers = [GovernanceAlertResolver] as const;
