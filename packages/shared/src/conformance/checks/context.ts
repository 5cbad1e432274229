import type { GraphQLSchema } from 'graphql';
import type { GrantClaims } from '../../grant-claims';
import { GRANT_REQUIRED_BODY } from '../../grants/guard';
import type { AgencyName } from '../../synthetic/types';
import type { AgencyClient, AgencyResponse } from '../client';
import type { ConformanceGrants } from '../grants';
import type { AnyAgencyAdapter, CheckGroup, CheckResult } from '../types';

/** One subject sent under a grant: what it was, and the status the agency answered (null: refused). */
export interface SentSubject {
  label: string;
  subjectId: string;
  status: string | null;
}

/** A grant the checks were answered under, for the disclosure-log check to find again. */
export interface AnsweredCase {
  label: string;
  grant: GrantClaims;
  subjects: SentSubject[];
}

/** What every check is given. */
export interface CheckContext {
  adapter: AnyAgencyAdapter;
  agency: AgencyName;
  /** The agency's field on `Subject`: `police`, `socialCare`, ... */
  field: string;
  /** The agency's subgraph schema, built from the adapter (its root fields are probed). */
  schema: GraphQLSchema;
  client: AgencyClient;
  grants: ConformanceGrants;
  /** Filled by the envelope, identifier and obligation checks; read by the disclosure-log check. */
  answered: AnsweredCase[];
}

/** Thrown inside a check: the one-line reason it failed. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

export function fail(reason: string): never {
  throw new CheckFailure(reason);
}

/** Runs one named check: its body returns the reason it passed or throws the reason it failed. */
export async function runCheck(group: CheckGroup, name: string, body: () => Promise<string>): Promise<CheckResult> {
  const started = Date.now();
  try {
    const reason = await body();
    return { group, name, passed: true, reason, durationMs: Date.now() - started };
  } catch (error) {
    const reason = error instanceof CheckFailure ? error.message : `could not run: ${(error as Error).message ?? String(error)}`;
    return { group, name, passed: false, reason, durationMs: Date.now() - started };
  }
}

/** Why a response is not the one fixed refusal, or undefined when it is. */
export function notRefused(response: AgencyResponse): string | undefined {
  if (response.status !== 401) return `HTTP ${response.status}`;
  if (response.text !== GRANT_REQUIRED_BODY) return `401 with another body: ${excerpt(response.text)}`;
  return undefined;
}

/** The body of a 200 answer, or a failure saying what came instead. */
export function answered(response: AgencyResponse): { data?: any; errors?: any[] } {
  if (response.status !== 200 || !response.body) fail(`HTTP ${response.status}: ${excerpt(response.text)}`);
  // An answer about people must not be kept by any cache between the agency and the gateway.
  if (!/(^|[\s,])no-store([\s,]|$)/i.test(response.cacheControl ?? '')) fail(`HTTP 200 with Cache-Control ${JSON.stringify(response.cacheControl)}, not no-store`);
  return response.body;
}

export function excerpt(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}...` : flat;
}

/** GraphQL errors in a few words each, for a reason line. */
export function describeErrors(errors: readonly any[] | undefined): string {
  return (errors ?? []).map((error) => `${error?.extensions?.code ?? 'no code'} at ${JSON.stringify(error?.path ?? null)}: ${excerpt(String(error?.message), 80)}`).join('; ');
}
