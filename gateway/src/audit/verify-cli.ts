import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import {
  AGENCIES, ConfigError, DEFAULT_GRANT_ISSUER, GRANT_PRIVATE_KEY_VARIABLE, dataDirectory, envPrefix, jose, loadPinnedKeySet, optionalString,
  type AgencyName, type Database, type JSONWebKeySet,
} from '@mash/shared';
import { hubForTool, toolDatabase } from '../hub/tool-database';
import { auditEntities } from './index';
import { auditAgency, type AgencyAuditReport } from './verify-agencies';
import { verifyChain } from './verify-chain';

const USAGE = `usage: npm run audit:verify -- [--agency-db <agency>=<postgres url>]... [--gateway-jwks <file>] [--hub-only]

Checks the hub's access-log chain; then, for every agency database it can reach (--agency-db,
else <AGENCY>_DATABASE_URL, else the embedded .data/<agency>), the gateway's signed checkpoints it
holds against the hub's chain, its own disclosure chain, and every disclosure's grant against the
hub's record of issuing it. Exit 0 intact, 1 broken, 2 could not check.`;

interface Options {
  agencyUrls: Partial<Record<AgencyName, string>>;
  jwksFile?: string;
  hubOnly: boolean;
}

/** Where the command writes, and the environment it reads (the process's when left out). */
export interface VerifyCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

/**
 * `npm run audit:verify`: checks the hub's access log and the agencies' records offline. Returns
 * the exit code: 0 when everything is intact, 1 when anything is broken, 2 when it could not be
 * checked (no database, no table, no connection, a bad argument). In embedded mode stop the
 * services first: PGlite's files are for one process at a time.
 */
export async function runVerifyCli(argv: string[], io: VerifyCliIo): Promise<number> {
  try {
    return await main(argv, { ...io, env: io.env ?? process.env });
  } catch (error) {
    io.stderr(`audit:verify could not check: ${(error as Error).message}\n`);
    return 2;
  }
}

type Io = Required<VerifyCliIo>;

async function main(argv: string[], io: Io): Promise<number> {
  const options = parseArguments(argv);
  const found = hubForTool(io.env);
  if (!found.found) {
    io.stderr(`audit:verify: no hub database at ${found.embeddedPath}; start the gateway once or set HUB_DATABASE_URL\n`);
    return 2;
  }
  const hub = await found.open('hub', { entities: auditEntities, poolSize: 10 });
  try {
    const started = Date.now();
    const report = await verifyChain(hub.dataSource, { batchSize: 5000 });
    const took = `${((Date.now() - started) / 1000).toFixed(1)}s`;
    const head = report.head ? `, head seq ${report.head.seq} hash ${report.head.hash}` : '';
    if (report.ok) {
      io.stdout(`audit chain intact: ${report.entries} entries checked in ${took}${head}\n`);
    } else {
      const broken = report.firstBroken!;
      io.stdout(`audit chain BROKEN at seq ${broken.seq} (id ${broken.id}): ${broken.reason}; ${report.entries} entries checked in ${took}\n`);
    }
    const agencies = options.hubOnly ? [] : await auditAgencies(hub, report.head, options, io);
    const agenciesOk = agencies.every((agency) => agency.problems.length === 0);
    return report.ok && agenciesOk ? 0 : 1;
  } finally {
    await hub.close();
  }
}

/** Each reachable agency in turn (embedded databases are opened one at a time). */
async function auditAgencies(hub: Database, hubHead: { seq: string; hash: string } | undefined, options: Options, io: Io): Promise<AgencyAuditReport[]> {
  const keys = await gatewayKeys(options, io.env);
  const issuer = optionalString('MASH_GRANT_ISSUER', io.env) ?? DEFAULT_GRANT_ISSUER;
  const reports: AgencyAuditReport[] = [];
  const skipped: string[] = [];
  for (const agency of AGENCIES) {
    const found = toolDatabase(io.env, agency, options.agencyUrls[agency] ?? optionalString(`${envPrefix(agency)}_DATABASE_URL`, io.env));
    if (!found.found) {
      skipped.push(agency);
      continue;
    }
    const db = await found.open(`${agency}-audit`, { poolSize: 10 });
    try {
      const report = await auditAgency({ agency, hub: hub.dataSource, db: db.dataSource, hubHead, keys, issuer });
      reports.push(report);
      const newest = report.newest ? ` (newest seq ${report.newest.seq}, signed ${report.newest.signedAt.toISOString()})` : '';
      const verdict = report.problems.length === 0 ? 'intact' : `${report.problems.length} problem(s)`;
      io.stdout(`${agency}: ${verdict}: ${report.checkpoints} checkpoint(s) held against the hub's chain${newest}; ${report.disclosures} disclosure(s) chained and reconciled with the hub's grants\n`);
      for (const problem of report.problems) io.stdout(`  ${problem}\n`);
      for (const note of report.notes) io.stderr(`audit:verify: note: ${note}\n`);
    } finally {
      await db.close();
    }
  }
  if (skipped.length > 0) {
    io.stderr(`audit:verify: note: no database for ${skipped.join(', ')} (--agency-db or <AGENCY>_DATABASE_URL): their checkpoints and disclosure logs were not checked\n`);
  }
  return reports;
}

/** The gateway's public keys, to check checkpoint signatures: a pinned JWKS, or the public half of the grant key. */
async function gatewayKeys(options: Options, env: NodeJS.ProcessEnv): Promise<JSONWebKeySet | undefined> {
  const file = options.jwksFile ?? optionalString('MASH_GATEWAY_JWKS_FILE', env);
  if (file) return loadPinnedKeySet(path.resolve(file));
  const pem = optionalString(GRANT_PRIVATE_KEY_VARIABLE, env) ?? readIfExists(path.join(dataDirectory(env), 'keys', 'grant-signing-key.pem'));
  if (!pem) return undefined;
  const jwk = createPublicKey(pem.replace(/\\n/g, '\n')).export({ format: 'jwk' }) as jose.JWK;
  return { keys: [{ ...jwk, kid: await jose.calculateJwkThumbprint(jwk, 'sha256') }] };
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { agencyUrls: {}, hubOnly: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--hub-only') options.hubOnly = true;
    else if (arg === '--gateway-jwks' && argv[i + 1]) options.jwksFile = argv[++i];
    else if (arg === '--agency-db' && argv[i + 1]) {
      const [agency, ...rest] = argv[++i].split('=');
      if (!(AGENCIES as readonly string[]).includes(agency) || rest.length === 0) throw new ConfigError(`--agency-db wants <agency>=<url> with an agency among ${AGENCIES.join(', ')}`);
      options.agencyUrls[agency as AgencyName] = rest.join('=');
    } else throw new ConfigError(`unknown argument ${arg}\n${USAGE}`);
  }
  return options;
}

// `node gateway/dist/audit/verify-cli.js`: the exit code is the process's.
if (require.main === module) {
  void runVerifyCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
