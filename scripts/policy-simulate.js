#!/usr/bin/env node
// npm run policy:simulate -- (--version V | --file draft.json) --from YYYY-MM-DD --to YYYY-MM-DD [--examples N] [--json]
// What an ISA version would have decided over the hub's access log of a period; reads only.
const runCli = require('./run-cli');
const { runSimulateCli } = require('../gateway/dist/policy/simulate-cli');

runCli('policy:simulate', runSimulateCli);
