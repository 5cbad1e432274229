#!/usr/bin/env node
// npm run policy:matrix -- [--version V | --file policy.json] [--format markdown|csv] [--status OPEN,...]
// The access matrix of an ISA policy version, for the board: Markdown (default) or CSV to stdout.
const runCli = require('./run-cli');
const { runMatrixCli } = require('../gateway/dist/policy/matrix-cli');

runCli('policy:matrix', runMatrixCli);
