#!/usr/bin/env node
// npm run token -- --role <role> [--sub <id>] [--name <name>] [--agency <agency>]
// Prints a development JWT, accepted only by a gateway started in demo mode.
const path = require('node:path');
const { parseArgs } = require('node:util');

const USAGE = 'usage: npm run token -- --role <mash-triage|mash-manager|governance|agency-admin> [--sub <id>] [--name <name>] [--agency <agency>] [--organisation <name>] [--expires <span>]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      organisation: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

async function main() {
  if (!values.role) throw new Error(USAGE);
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
