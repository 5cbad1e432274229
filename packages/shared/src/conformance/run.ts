import { DEFAULT_GRANT_ISSUER } from '../grants/claims';
import { GRANT_PRIVATE_KEY_VARIABLE, loadOrCreateSigningKey, type SigningKey } from '../grants/keys';
import { buildAgencySchema, agencyFieldName } from '../agency/schema';
import { isRealDate } from '../matching/dates';
import { AgencyClient } from './client';
import type { CheckContext } from './checks/context';
import { associateChecks } from './checks/associates';
import { disclosureLogChecks } from './checks/disclosure-log';
import { envelopeChecks } from './checks/envelope';
import { errorCodeChecks } from './checks/error-codes';
import { grantBindingChecks } from './checks/grant-binding';
import { identifierChecks } from './checks/identifiers';
import { obligationChecks } from './checks/obligations';
import { refusalChecks } from './checks/refusals';
import { startThrowawayDeployment } from './deployment';
import { ConformanceGrants } from './grants';
import { insertConformancePeople } from './prepare';
import { tally } from './report';
import { ConformanceSetupError, type AnyAgencyAdapter, type CheckResult, type ConformanceReport } from './types';

export interface ConformanceOptions {
  /** The agency's adapter (`require('@mash/<agency>').adapter`, or the team's own). */
  adapter: AnyAgencyAdapter;
  /** A running deployment's `/graphql` address. Absent: the suite starts a throw-away deployment of its own. */
  url?: string;
  /** With `url`: the gateway's grant signing key (PKCS8 PEM), so the suite can mint grants the deployment accepts. */
  grantKeyPem?: string;
  /**
   * With `url`: the deployment's own database, where the conformance people are written first
   * (absent: they must be there already, from an earlier run). Without `url`: a Postgres server on
   * which a uniquely named throw-away database is created and dropped (absent: embedded PGlite).
   */
  databaseUrl?: string;
  /** `iss` the deployment expects on grants. Default `mash-gateway`. */
  issuer?: string;
  /**
   * The date the conformance people's records are dated from (YYYY-MM-DD). Default today. A
   * deployment with `MASH_REFERENCE_DATE` set needs the same date here, or its 12-month windows
   * will not see the test incidents.
   */
  referenceDate?: string;
  /** Throw-away mode: the agency's entry point. Default `subgraphs/<agency>/dist/index.js` in this repository. */
  entryPoint?: string;
  /** Throw-away mode: longest wait for the agency to start. Default 60 s. */
  startTimeoutMs?: number;
  /** Longest wait for any one answer. Default 15 s. */
  requestTimeoutMs?: number;
  /** Aborting stops the checks and removes a throw-away deployment at once (the CLI aborts on SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Receives a line per setup step (where the database is, what is being started). */
  log?: (line: string) => void;
}

interface Target {
  url: string;
  key: SigningKey;
  mode: ConformanceReport['mode'];
  database?: ConformanceReport['database'];
  stop(): Promise<void>;
}

/**
 * Runs the conformance checks against one agency deployment and reports each. Throws
 * `ConformanceSetupError` only when checking cannot begin (bad key, no database, nothing listening);
 * everything after that is a check that passes or fails.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const referenceDate = options.referenceDate ?? new Date().toISOString().slice(0, 10);
  if (!isRealDate(referenceDate)) throw new ConformanceSetupError(`the reference date must be a real date written YYYY-MM-DD, got "${referenceDate}"`);
  const issuer = options.issuer ?? DEFAULT_GRANT_ISSUER;
  const target = await openTarget(options, referenceDate, issuer);
  try {
    const client = new AgencyClient({ url: target.url, timeoutMs: options.requestTimeoutMs });
    await reachable(client);
    const context: CheckContext = {
      adapter: options.adapter,
      agency: options.adapter.agency,
      field: agencyFieldName(options.adapter.agency),
      schema: await buildAgencySchema(options.adapter),
      client,
      grants: new ConformanceGrants(options.adapter.agency, target.key, issuer),
      answered: [],
    };
    const checks: CheckResult[] = [];
    // In this order: the disclosure-log check reads what the checks before it were answered, and the
    // error-code check every error the run was sent.
    for (const family of [refusalChecks, grantBindingChecks, envelopeChecks, associateChecks, identifierChecks, obligationChecks, disclosureLogChecks, errorCodeChecks]) {
      options.signal?.throwIfAborted();
      checks.push(...(await family(context)));
    }
    options.signal?.throwIfAborted();
    return {
      agency: options.adapter.agency, url: target.url, mode: target.mode, database: target.database, referenceDate,
      startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, ...tally(checks), checks,
    };
  } finally {
    await target.stop();
  }
}

async function openTarget(options: ConformanceOptions, referenceDate: string, issuer: string): Promise<Target> {
  const { adapter } = options;
  if (!options.url) {
    const deployment = await startThrowawayDeployment({
      adapter, serverUrl: options.databaseUrl, entryPoint: options.entryPoint, asOf: referenceDate, issuer,
      startTimeoutMs: options.startTimeoutMs, signal: options.signal, log: options.log,
    });
    return { ...deployment, mode: 'throwaway' };
  }
  if (!options.grantKeyPem) throw new ConformanceSetupError('checking a running deployment needs the gateway grant signing key (PKCS8 PEM)');
  let key: SigningKey;
  try {
    key = await loadOrCreateSigningKey({ privateKeyPem: options.grantKeyPem, generate: false });
  } catch (error) {
    // The key loader names the gateway's variable; here the key came from the caller.
    throw new ConformanceSetupError((error as Error).message.replace(GRANT_PRIVATE_KEY_VARIABLE, 'the grant key'));
  }
  if (options.databaseUrl) {
    options.log?.(`writing the conformance people into the ${adapter.agency} database`);
    await insertConformancePeople(adapter, { url: options.databaseUrl, migrate: false, asOf: referenceDate });
  } else {
    options.log?.('no database given: the conformance people must already be in the deployment');
  }
  return { url: options.url, key, mode: 'deployment', stop: async () => undefined };
}

/** Anything at all must answer at the address before checks make sense. */
async function reachable(client: AgencyClient): Promise<void> {
  try {
    await client.post({ query: '{ __typename }' });
    client.errors.length = 0;
  } catch (error) {
    throw new ConformanceSetupError((error as Error).message);
  }
}
