import type { AgencyAdapter, CandidateRow } from '../agency/adapter';

/** Any agency's adapter, as the suite sees it: it only reads the agency name, schema and fixture. */
export type AnyAgencyAdapter = AgencyAdapter<CandidateRow, any, object>;

/** The seven families of checks, in the order they run. */
export type CheckGroup = 'refusals' | 'grant-binding' | 'envelope' | 'associates' | 'identifiers' | 'obligations' | 'disclosure-log' | 'error-codes';

/** One named check's outcome, with one line saying why. */
export interface CheckResult {
  group: CheckGroup;
  name: string;
  passed: boolean;
  reason: string;
  durationMs: number;
}

/** What one run of the suite found. */
export interface ConformanceReport {
  agency: string;
  /** The `/graphql` address the checks were sent to. */
  url: string;
  /** `deployment`: a running deployment named by the caller; `throwaway`: one the suite started itself. */
  mode: 'deployment' | 'throwaway';
  /** Throwaway only: where its database lived. */
  database?: 'server' | 'embedded';
  /** The date the conformance people were written relative to (their incidents are dated from it). */
  referenceDate: string;
  startedAt: string;
  durationMs: number;
  passed: number;
  failed: number;
  checks: CheckResult[];
}

/** Thrown when the suite cannot even start checking (a deployment that does not start or answer). */
export class ConformanceSetupError extends Error {
  override name = 'ConformanceSetupError';
}
