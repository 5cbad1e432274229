#!/usr/bin/env node
// npm run conformance -- --agency <name> [--url <subgraph url> --grant-key <pem file>] [--database-url <url>] [--json <file>]
// Proves an agency deployment honours the MASH contract (docs/conformance.md). Exit 0: every check
// passed; 1: a check failed or the checks could not run; 2: a bad argument.
const fs = require('node:fs');
const path = require('node:path');
const { readCommandLine, usageError: exitWithUsage } = require('./command-line');

const AGENCIES = ['police', 'social-care', 'health', 'education'];
const USAGE = `usage: npm run conformance -- --agency <${AGENCIES.join('|')}> [options]

  --agency <name>          the agency whose adapter and contract are checked (required)
  --url <url>              a running deployment's /graphql address; without it the suite starts a
                           throw-away deployment of subgraphs/<agency> itself
  --grant-key <file>       with --url: the gateway's grant signing key (PKCS8 PEM private key)
  --database-url <url>     with --url: the deployment's database, where the test people are written;
                           without --url: a Postgres server for the throw-away database
                           (default TEST_DATABASE_URL, else embedded PGlite)
  --issuer <iss>           the grant issuer the deployment expects (default mash-gateway)
  --reference-date <date>  YYYY-MM-DD the test people are dated from; set it to the deployment's
                           MASH_REFERENCE_DATE if it has one (default today)
  --json <file>            also write the report as JSON to <file>
  --help                   this text`;

const usageError = (message) => exitWithUsage(USAGE, `conformance: ${message}\n`);

function readArguments() {
  const { values } = readCommandLine(USAGE, {
    strict: true,
    allowPositionals: false,
    options: {
      agency: { type: 'string' },
      url: { type: 'string' },
      'grant-key': { type: 'string' },
      'database-url': { type: 'string' },
      issuer: { type: 'string' },
      'reference-date': { type: 'string' },
      json: { type: 'string' },
    },
  });
  if (!values.agency) usageError('--agency is required');
  if (!AGENCIES.includes(values.agency)) usageError(`--agency must be one of ${AGENCIES.join(', ')}, got "${values.agency}"`);
  if (values.url !== undefined) {
    let url;
    try {
      url = new URL(values.url);
    } catch {
      usageError(`--url "${values.url}" is not a URL`);
    }
    if (!['http:', 'https:'].includes(url.protocol)) usageError(`--url must be an http(s) address, got "${values.url}"`);
    if (!values['grant-key']) usageError('--url needs --grant-key: the suite mints grants with the gateway key the deployment trusts');
  } else if (values['grant-key']) {
    usageError('--grant-key is only for --url: a throw-away deployment gets a key pair of its own');
  }
  const date = values['reference-date'];
  if (date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date))) {
    usageError(`--reference-date must be a real date written YYYY-MM-DD, got "${date}"`);
  }
  let grantKeyPem;
  if (values['grant-key']) {
    try {
      grantKeyPem = fs.readFileSync(values['grant-key'], 'utf8');
    } catch (error) {
      usageError(`--grant-key ${values['grant-key']} cannot be read (${error.code ?? error.message})`);
    }
  }
  return { ...values, grantKeyPem };
}

/** The agency's adapter and entry point, from its workspace package (built by `npm run build`). */
function loadAgency(agency) {
  const packageName = `@mash/${agency}`;
  try {
    const packageDir = path.dirname(require.resolve(`${packageName}/package.json`));
    return { adapter: require(packageName).adapter, entryPoint: path.join(packageDir, 'dist', 'index.js') };
  } catch (error) {
    process.stderr.write(`conformance: cannot load ${packageName} (${error.message}); build it first (npm run build)\n`);
    process.exit(1);
  }
}

async function main() {
  const args = readArguments();
  const { adapter, entryPoint } = loadAgency(args.agency);
  const { runConformance, formatReport, ConformanceSetupError } = require('@mash/shared');
  // Interrupted, the suite still stops its agency and drops its throw-away database; a second signal quits at once.
  const interrupt = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (interrupt.signal.aborted) process.exit(130);
      process.stderr.write('conformance: interrupted, cleaning up\n');
      interrupt.abort();
    });
  }
  let report;
  try {
    report = await runConformance({
      adapter,
      entryPoint,
      url: args.url,
      grantKeyPem: args.grantKeyPem,
      databaseUrl: args['database-url'] ?? (args.url ? undefined : process.env.TEST_DATABASE_URL || undefined),
      issuer: args.issuer,
      referenceDate: args['reference-date'],
      signal: interrupt.signal,
      log: (line) => process.stderr.write(`conformance: ${line}\n`),
    });
  } catch (error) {
    if (interrupt.signal.aborted) process.exit(130);
    const known = error instanceof ConformanceSetupError;
    process.stderr.write(`conformance: the checks could not run: ${known ? error.message : error.stack ?? error}\n`);
    process.exit(1);
  }
  process.stdout.write(`${formatReport(report)}\n`);
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.failed === 0 ? 0 : 1;
}

main();
