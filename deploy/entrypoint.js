#!/usr/bin/env node
'use strict';
// The image's entry point: `node deploy/entrypoint.js <service>` runs one MASH service.
// Before it starts, each variable below whose value is a secret may be given as a file instead,
// `<NAME>_FILE=/run/secrets/...`, the way Docker and compose mount secrets; the variable itself wins
// when both are set. Under NODE_ENV=production a service without its database URL is refused:
// the embedded database would live and die with the container.
const fs = require('node:fs');
const path = require('node:path');

const AGENCIES = { police: 'POLICE', 'social-care': 'SOCIAL_CARE', health: 'HEALTH', education: 'EDUCATION' };
const SERVICES = {
  gateway: { entry: 'gateway/dist/index.js', database: 'HUB_DATABASE_URL' },
  ...Object.fromEntries(
    Object.entries(AGENCIES).map(([agency, prefix]) => [agency, { entry: `subgraphs/${agency}/dist/index.js`, database: `${prefix}_DATABASE_URL` }]),
  ),
};
const SECRET_VARIABLES = [
  'MASH_GRANT_PRIVATE_KEY',
  'AUTH_PUBLIC_KEY',
  'PGPASSWORD',
  'HUB_DATABASE_URL',
  ...Object.values(AGENCIES).flatMap((prefix) => [`${prefix}_DATABASE_URL`, `MASH_ALERT_${prefix}_DATABASE_URL`]),
];

function fail(message) {
  process.stderr.write(`mash: ${message}\n`);
  process.exit(2);
}

/** Reads `<NAME>_FILE` into `<NAME>` for the secret variables (one trailing newline dropped). */
function readSecretFiles(env) {
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (!file || env[name]) continue;
    try {
      env[name] = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      fail(`${name}_FILE ${file} cannot be read`);
    }
  }
}

function main() {
  const name = process.argv[2];
  const service = SERVICES[name];
  if (!service) fail(`name the service to run: ${Object.keys(SERVICES).join(', ')} (got ${name ?? 'nothing'})`);
  readSecretFiles(process.env);
  if (process.env.NODE_ENV === 'production' && !process.env[service.database]) {
    fail(`${service.database} (or ${service.database}_FILE) is required when NODE_ENV=production: the embedded database would be lost with the container`);
  }
  require(path.join(__dirname, '..', service.entry));
}

if (require.main === module) main();

module.exports = { SERVICES, SECRET_VARIABLES, readSecretFiles };
