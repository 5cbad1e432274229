#!/usr/bin/env node
// npm run token -- --role <role> [--sub <id>] [--name <name>] [--agency <agency>]
// Prints a development JWT, accepted only by a gateway started in demo mode.
const path = require('node:path');
const { readCommandLine, usageError } = require('./command-line');

const USAGE = 'usage: npm run token -- --role <mash-triage|mash-manager|governance|agency-admin> [--sub <id>] [--name <name>] [--agency <agency>] [--organisation <name>] [--expires <span>]';
const { values } = readCommandLine(USAGE, {
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    agency: { type: 'string' },
    organisation: { type: 'string' },
    expires: { type: 'string' },
  },
});

async function main() {
  if (!values.role) usageError(USAGE, '--role is required');
  const { dataDirectory } = require('@mash/shared');
  const { issueDemoToken } = require('../gateway/dist/auth/demo-issuer');
  const keyFile = path.join(dataDirectory(), 'keys', 'demo-user-issuer.jwk.json');
  const token = await issueDemoToken(keyFile, {
    role: values.role,
    sub: values.sub,
    name: values.name,
    agency: values.agency,
    organisation: values.organisation,
    expiresIn: values.expires,
  });
  process.stdout.write(token + '\n');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
