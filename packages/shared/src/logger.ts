/**
 * One JSON line per event. Callers pass ids and hashes only: personal data (names, dates of
 * birth, addresses) must never be logged in plain text.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createLogger(service: string): Logger {
  const write = (level: string, event: string, fields: LogFields = {}) => {
    if (process.env.MASH_LOG_LEVEL === 'silent') return;
    if (level === 'info' && process.env.MASH_LOG_LEVEL === 'warn') return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, service, event, ...fields });
    (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
