#!/usr/bin/env node
// npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--format md|csv|html] [--out file]
// The hub's report, read from the hub database; prints Markdown to stdout unless told otherwise.
const runCli = require('./run-cli');
const { runReportCli } = require('../gateway/dist/report/cli');

runCli('report', runReportCli);
