#!/usr/bin/env node
// npm run policy:diff -- (--from VERSION | --from-file FILE) (--to VERSION | --to-file FILE) [--json]
// What changes between two ISA policy versions, and how the second widens sharing.
const { runPolicyDiffCli } = require('../gateway/dist/policy/diff-cli');

runPolicyDiffCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`policy:diff failed: ${error.name}: ${error.message}`);
    process.exitCode = 1;
  },
);
