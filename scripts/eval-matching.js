#!/usr/bin/env node
// npm run eval:matching -- [--seed <n>] [--subjects <n>] [--population <n>] [--agency <name>] [--out <file>]
// Runs the labelled person-matching evaluation set through the current matcher, prints the tables
// and writes everything (figures and every case's outcome) as JSON. See matching-eval/README.md.
const fs = require('node:fs');
const path = require('node:path');
const { readCommandLine } = require('./command-line');

const USAGE = 'usage: npm run eval:matching -- [--seed <n>] [--subjects <n>] [--population <n>] [--agency <name>]... [--out <file>]';
const { values } = readCommandLine(USAGE, {
  options: {
    seed: { type: 'string' },
    subjects: { type: 'string' },
    population: { type: 'string' },
    agency: { type: 'string', multiple: true },
    out: { type: 'string', default: path.join('matching-eval', 'results.json') },
  },
});

function whole(name) {
  if (values[name] === undefined) return undefined;
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number; got ${values[name]}.`);
  return n;
}

function main() {
  const started = Date.now();
  const { AGENCIES, generateEvaluationSet, evaluateMatching, summariseEvaluation, formatEvaluationReport } = require('@mash/shared');
  const agencies = values.agency ?? AGENCIES;
  const unknown = agencies.filter((agency) => !AGENCIES.includes(agency));
  if (unknown.length > 0) throw new Error(`--agency must be one of ${AGENCIES.join(', ')}; got ${unknown.join(', ')}.`);

  const set = generateEvaluationSet({ seed: whole('seed'), subjects: whole('subjects'), population: whole('population') });
  const generatedMs = Date.now() - started;
  const evaluation = evaluateMatching(set, { agencies });
  const report = summariseEvaluation(set, evaluation);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${formatEvaluationReport(report)}\n\nGenerated in ${(generatedMs / 1000).toFixed(1)} s; ${seconds} s in all.\n`);

  const out = path.resolve(values.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Each case once, with its truth at every agency; each answer without repeating the case.
  const answer = ({ caseId, status, matchedRecordId, listedRecordIds, candidates, trueRecordIsCandidate }) =>
    ({ caseId, status, matchedRecordId, listedRecordIds, candidates, trueRecordIsCandidate });
  const outcomes = Object.fromEntries(evaluation.agencies.map((a) => [a.agency, {
    matcher: a.matcher.map(answer),
    baseline: a.baseline.map(({ caseId, status, matchedRecordId }) => ({ caseId, status, matchedRecordId })),
  }]));
  fs.writeFileSync(out, JSON.stringify({ ...report, durationSeconds: Number(seconds), cases: set.cases, outcomes }));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), out)}\n`);
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
