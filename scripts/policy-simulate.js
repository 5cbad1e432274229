#!/usr/bin/env node
// npm run policy:simulate -- (--version V | --file draft.json) --from YYYY-MM-DD --to YYYY-MM-DD [--examples N] [--json]
// What an ISA version would have decided over the hub's access log of a period; reads only.
const { runSimulateCli } = require('../gateway/dist/policy/simulate-cli');

runSimulateCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`policy:simulate failed: ${error.name}: ${error.message}`);
    process.exitCode = 1;
  },
);
