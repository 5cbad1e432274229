#!/usr/bin/env node
// npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--format md|csv|html] [--out file]
// The hub's report, read from the hub database; prints Markdown to stdout unless told otherwise.
const { runReportCli } = require('../gateway/dist/report/cli');

runReportCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`report failed: ${error.name}: ${error.message}`);
    process.exitCode = 1;
  },
);
