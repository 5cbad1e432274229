#!/usr/bin/env node
// npm run policy:diff -- (--from VERSION | --from-file FILE) (--to VERSION | --to-file FILE) [--json]
// What changes between two ISA policy versions, and how the second widens sharing.
const runCli = require('./run-cli');
const { runPolicyDiffCli } = require('../gateway/dist/policy/diff-cli');

runCli('policy:diff', runPolicyDiffCli);
