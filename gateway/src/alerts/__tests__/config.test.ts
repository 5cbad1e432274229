import { alertConfigFromEnv } from '../config';

describe('alert scan settings from the environment', () => {
  it('scans every five minutes by default and reads no agency database unless told', () => {
    expect(alertConfigFromEnv({})).toEqual({ intervalMs: 300_000, disclosureDatabaseUrls: {} });
  });

  it('takes the interval (0: only on demand) and each agency\'s disclosure database', () => {
    const config = alertConfigFromEnv({
      MASH_ALERT_SCAN_INTERVAL_SECONDS: '0',
      MASH_ALERT_POLICE_DATABASE_URL: 'postgres://reader@police-replica/police',
      MASH_ALERT_SOCIAL_CARE_DATABASE_URL: 'postgresql://reader@sc/social',
    });
    expect(config).toEqual({ intervalMs: 0, disclosureDatabaseUrls: { police: 'postgres://reader@police-replica/police', 'social-care': 'postgresql://reader@sc/social' } });
  });

  it('refuses a negative interval or a URL that is not Postgres, naming the variable', () => {
    expect(() => alertConfigFromEnv({ MASH_ALERT_SCAN_INTERVAL_SECONDS: '-1' })).toThrow(/MASH_ALERT_SCAN_INTERVAL_SECONDS must be 0/);
    expect(() => alertConfigFromEnv({ MASH_ALERT_SCAN_INTERVAL_SECONDS: 'often' })).toThrow(/MASH_ALERT_SCAN_INTERVAL_SECONDS must be an integer/);
    expect(() => alertConfigFromEnv({ MASH_ALERT_HEALTH_DATABASE_URL: 'mysql://x' })).toThrow(/MASH_ALERT_HEALTH_DATABASE_URL must be a postgres:\/\/ URL/);
  });
});
