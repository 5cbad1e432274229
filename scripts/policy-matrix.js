#!/usr/bin/env node
// npm run policy:matrix -- [--version V | --file policy.json] [--format markdown|csv] [--status OPEN,...]
// The access matrix of an ISA policy version, for the board: Markdown (default) or CSV to stdout.
const { runMatrixCli } = require('../gateway/dist/policy/matrix-cli');

runMatrixCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`policy:matrix failed: ${error.name}: ${error.message}`);
    process.exitCode = 1;
  },
);
