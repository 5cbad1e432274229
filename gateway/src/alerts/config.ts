import { AGENCIES, ConfigError, envPrefix, integer, optionalString, type AgencyName } from '@mash/shared';

/** The alert scan (README "Configuration"). */
export interface AlertConfig {
  /** How often this gateway scans (`MASH_ALERT_SCAN_INTERVAL_SECONDS`, default 300; 0: only when a governance user asks, scanGovernanceAlerts). The first scan runs one interval after start. */
  intervalMs: number;
  /**
   * Read access to agencies' disclosure logs, for UNISSUED_GRANT (`MASH_ALERT_<AGENCY>_DATABASE_URL`,
   * e.g. MASH_ALERT_POLICE_DATABASE_URL: a read-only replica or role is enough). Unset: that
   * agency's log is not checked from the hub, and each scan says so.
   */
  disclosureDatabaseUrls: Partial<Record<AgencyName, string>>;
}

export const ALERT_DEFAULTS: AlertConfig = { intervalMs: 300_000, disclosureDatabaseUrls: {} };

/** Reads the scan's settings once; a bad value stops start-up naming the variable. */
export function alertConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AlertConfig {
  const seconds = integer('MASH_ALERT_SCAN_INTERVAL_SECONDS', ALERT_DEFAULTS.intervalMs / 1000, env);
  if (seconds < 0) throw new ConfigError(`MASH_ALERT_SCAN_INTERVAL_SECONDS must be 0 (only on demand) or more, got ${seconds}`);
  const disclosureDatabaseUrls: Partial<Record<AgencyName, string>> = {};
  for (const agency of AGENCIES) {
    const name = `MASH_ALERT_${envPrefix(agency)}_DATABASE_URL`;
    const url = optionalString(name, env);
    if (!url) continue;
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`${name} must be a postgres:// URL`);
    disclosureDatabaseUrls[agency] = url;
  }
  return { intervalMs: seconds * 1000, disclosureDatabaseUrls };
}
