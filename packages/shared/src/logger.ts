import pino from 'pino';
import { envPrefix } from './config';
import { currentRequestId } from './request-id';
import { PERSONAL_DATA_PATHS, REDACTED, scrubPersonalData } from './log-redaction';

/**
 * One JSON line per event. Callers pass ids and hashes only: personal data (names, dates of
 * birth, addresses) must never be logged in plain text. As a second line of defence, any field
 * whose key names personal data or a credential is written as `[redacted]`, however deep.
 */
export type LogValue = string | number | boolean | null | undefined | readonly LogValue[] | { readonly [key: string]: LogValue };
export type LogFields = Record<string, LogValue>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** Written only when the service's level is `debug`. Optional so that small test loggers need not have it. */
  debug?(event: string, fields?: LogFields): void;
}

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The service's level: `MASH_LOG_LEVEL_<SERVICE>` (e.g. `MASH_LOG_LEVEL_GATEWAY`,
 * `MASH_LOG_LEVEL_SOCIAL_CARE`), else `MASH_LOG_LEVEL`, else `info`. An unknown value counts as
 * `info` (a logger cannot stop a service; the first line says which variable was wrong).
 */
export function logLevelFor(service: string, env: NodeJS.ProcessEnv = process.env): { level: LogLevel; invalid?: string } {
  for (const name of [`MASH_LOG_LEVEL_${envPrefix(service)}`, 'MASH_LOG_LEVEL']) {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) continue;
    return (LOG_LEVELS as readonly string[]).includes(raw) ? { level: raw as LogLevel } : { level: 'info', invalid: name };
  }
  return { level: 'info' };
}

const loggers = new Map<string, Logger>();

/**
 * The service's logger: pino, writing synchronously through `process.stdout` (info and debug) and
 * `process.stderr` (warn and error) as before, no worker-thread transport, so lines keep their
 * order with the process's other output and nothing is lost at exit. Each line is
 * `{"level","time","service","requestId"?,"event",...fields}`; `requestId` comes from the request
 * being served (`requestIdMiddleware`) when the caller did not give one. The level is read from the
 * environment at each call (cheaply), so a test or an operator changing it takes effect at once.
 */
export function createLogger(service: string): Logger {
  const existing = loggers.get(service);
  if (existing) return existing;
  const base = pino(
    {
      level: 'info',
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubPersonalData(object) as Record<string, unknown>,
      },
      redact: { paths: PERSONAL_DATA_PATHS, censor: REDACTED },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    pino.multistream(
      [
        // Resolved at each write, so whatever `process.stdout` is then (a test's spy included) receives the line.
        { level: 'debug', stream: { write: (line: string) => process.stdout.write(line) } },
        { level: 'warn', stream: { write: (line: string) => process.stderr.write(line) } },
      ],
      { dedupe: true },
    ),
  );
  let seen: string | undefined;
  const levelled = (): pino.Logger => {
    const key = `${process.env[`MASH_LOG_LEVEL_${envPrefix(service)}`] ?? ''}|${process.env.MASH_LOG_LEVEL ?? ''}`;
    if (key !== seen) {
      seen = key;
      const { level, invalid } = logLevelFor(service);
      base.level = level;
      if (invalid) base.warn({ event: 'log_level.invalid', variable: invalid, allowed: LOG_LEVELS.join(', ') });
    }
    return base;
  };
  const logger: Logger = {
    info: (event, fields) => levelled().info({ event, ...fields }),
    warn: (event, fields) => levelled().warn({ event, ...fields }),
    error: (event, fields) => levelled().error({ event, ...fields }),
    debug: (event, fields) => levelled().debug({ event, ...fields }),
  };
  loggers.set(service, logger);
  return logger;
}
