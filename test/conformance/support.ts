import path from 'node:path';
import { failedChecks, runConformance, type AgencyName, type ConformanceReport, type ConformanceOptions } from '@mash/shared';

export const REPO = path.resolve(__dirname, '../..');

/** The agency's real entry point, as `npm start` runs it. */
export const entryPoint = (agency: AgencyName) => path.join(REPO, 'subgraphs', agency, 'dist', 'index.js');

/** The suite in throw-away mode: its own database (on TEST_DATABASE_URL's server, else PGlite), key pair and child process. */
export function runThrowaway(adapter: ConformanceOptions['adapter']): Promise<ConformanceReport> {
  return runConformance({ adapter, entryPoint: entryPoint(adapter.agency), databaseUrl: process.env.TEST_DATABASE_URL || undefined });
}

/** Every check passed; otherwise the failed ones, each with its reason, are the failure message. */
export function expectConformant(report: ConformanceReport): void {
  if (report.failed > 0) throw new Error(`${report.agency}: ${report.failed} conformance check(s) failed:\n${failedChecks(report)}`);
  expect(report.passed).toBe(report.checks.length);
  // Every family of checks ran.
  expect(new Set(report.checks.map((check) => check.group))).toEqual(new Set(['refusals', 'grant-binding', 'envelope', 'associates', 'identifiers', 'obligations', 'disclosure-log', 'error-codes']));
}
