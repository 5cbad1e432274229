import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adapter } from '@mash/police';
import {
  agencyEntities, buildAgencyApp, CONFORMANCE_PEOPLE, DEFAULT_THRESHOLDS, disclosureRules, fixedReferenceDate, generateSigningKey, GrantVerifier,
  listen, openTestDatabase, runConformance, type Database, type Logger, type RunningService,
} from '@mash/shared';
import { expectConformant } from './support';

/**
 * `--url` mode: the suite checks a deployment someone else runs, minting grants with that
 * deployment's gateway key. Here two police services run in this process on one database: the
 * real adapter, and one that ignores the grant's obligations, which the suite must catch.
 */
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const referenceDate = new Date().toISOString().slice(0, 10);
const ignoresObligations: typeof adapter = { ...adapter, toRecord: (record, context) => adapter.toRecord(record, { ...context, disclose: disclosureRules([]) }) };

let database: Database;
let folder: string;
let grantKeyFile: string;
const services: RunningService[] = [];
let faithful: string;
let careless: string;
/** Server mode: the suite writes the people itself through `--database-url`; embedded PGlite has one session, so they are written here. */
let databaseUrl: string | undefined;

beforeAll(async () => {
  const key = await generateSigningKey();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-conformance-url-'));
  grantKeyFile = path.join(folder, 'gateway-grant-key.pem');
  fs.writeFileSync(grantKeyFile, key.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  database = await openTestDatabase({ service: 'police', entities: agencyEntities(adapter), migrations: adapter.migrations });
  databaseUrl = database.mode === 'server' ? String((database.dataSource.options as { url: string }).url) : undefined;
  if (!databaseUrl) await adapter.conformance.insert(database.dataSource, CONFORMANCE_PEOPLE, referenceDate);
  const verifier = new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwks: { keys: [key.publicJwk] } });
  for (const served of [adapter, ignoresObligations]) {
    const app = await buildAgencyApp({ adapter: served, dataSource: database.dataSource, verifier, thresholds: DEFAULT_THRESHOLDS, referenceDate: fixedReferenceDate(referenceDate), logger: silent });
    services.push(await listen(app, 0));
  }
  [faithful, careless] = services.map((service) => service.url);
});

afterAll(async () => {
  for (const service of services) await service.stop();
  await database?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const check = (url: string) => runConformance({ adapter, url, grantKeyPem: fs.readFileSync(grantKeyFile, 'utf8'), databaseUrl, referenceDate });

test('a running police deployment, checked with its gateway key, passes every check', async () => {
  const report = await check(faithful);
  expectConformant(report);
  expect(report).toMatchObject({ mode: 'deployment', url: faithful });
});

test('a deployment that ignores OMIT_STANDARD_RISK_DOMESTIC_ABUSE fails that check, and only that one', async () => {
  const report = await check(careless);
  expect(report.checks.filter((result) => !result.passed)).toEqual([
    expect.objectContaining({ group: 'obligations', name: 'standard-risk domestic abuse left out under OMIT_STANDARD_RISK_DOMESTIC_ABUSE', reason: "C01's record still shows 1 standard-risk item(s)" }),
  ]);
});

test('a grant key the deployment does not trust: every valid-grant check fails, none passes by accident', async () => {
  const stranger = (await generateSigningKey()).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const report = await runConformance({ adapter, url: faithful, grantKeyPem: stranger, databaseUrl, referenceDate });
  const failed = new Set(report.checks.filter((result) => !result.passed).map((result) => result.group));
  expect(failed).toEqual(new Set(['grant-binding', 'envelope', 'associates', 'identifiers', 'obligations', 'disclosure-log']));
});
