'use strict';
// The Dockerfile: linted by dockerfile-utils (the Dockerfile language service behind editors'
// Docker support: instruction syntax, arguments, flags, ports, image references), every finding
// an error; then this project's rules, which no linter knows: several stages, base images pinned
// by version, the last stage running production dependencies only as a numeric non-root user, no
// secret baked into the image, and a .dockerignore keeping local state out of the context.
const fs = require('node:fs');
const path = require('node:path');
const { validate } = require('dockerfile-utils');

const ALL = 2; // ValidationSeverity.ERROR for every optional rule
const SETTINGS = {
  deprecatedMaintainer: ALL, directiveCasing: ALL, emptyContinuationLine: ALL, instructionCasing: ALL, instructionCmdMultiple: ALL,
  instructionEntrypointMultiple: ALL, instructionHealthcheckMultiple: ALL, instructionJSONInSingleQuotes: ALL, instructionWorkdirRelative: ALL,
};
const IGNORED = ['node_modules', '.git', '.data', 'dist', 'test', '.env'];

/** Instructions with their line, continuation lines joined and comments dropped. */
function instructions(text) {
  const result = [];
  let current = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (current === null && (/^\s*#/.test(line) || line.trim() === '')) return;
    if (current !== null && /^\s*#/.test(line)) return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1) : line;
    if (current === null) current = { line: index + 1, text: part.trim() };
    else current.text += ` ${part.trim()}`;
    if (!continued) {
      const [keyword, ...rest] = current.text.split(/\s+/);
      result.push({ line: current.line, keyword: keyword.toUpperCase(), args: rest.join(' ') });
      current = null;
    }
  });
  return result;
}

function lintDockerfile(root, problems) {
  const file = path.join(root, 'Dockerfile');
  if (!fs.existsSync(file)) {
    problems.push('Dockerfile: missing');
    return { stages: 0 };
  }
  const text = fs.readFileSync(file, 'utf8');
  for (const diagnostic of validate(text, SETTINGS)) {
    problems.push(`Dockerfile:${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  }
  const list = instructions(text);
  const args = new Map();
  const stages = [];
  for (const instruction of list) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, value] = instruction.args.split('=');
      args.set(name, value);
    }
    if (instruction.keyword === 'FROM') stages.push({ from: instruction, body: [] });
    else if (stages.length > 0) stages[stages.length - 1].body.push(instruction);
  }
  if (stages.length < 2) problems.push('Dockerfile: one stage; build and runtime must be separate stages');
  const stageNames = new Set(stages.map((stage) => /\bAS\s+(\S+)/i.exec(stage.from.args)?.[1]).filter(Boolean));
  for (const { from } of stages) {
    const image = from.args.split(/\s+/).find((word) => !word.startsWith('--'))
      .replace(/^\$\{?(\w+)\}?$/, (_, name) => args.get(name) ?? `$${name}`);
    if (stageNames.has(image)) continue;
    const tag = /:([^/@]+)(@sha256:[0-9a-f]{64})?$/.exec(image)?.[1];
    if (!tag || tag === 'latest' || !/\d/.test(tag)) problems.push(`Dockerfile:${from.line}: base image ${image} is not pinned to a version`);
  }
  const runtime = stages[stages.length - 1]?.body ?? [];
  const users = runtime.filter((instruction) => instruction.keyword === 'USER');
  const user = users[users.length - 1]?.args.split(':')[0];
  if (!user) problems.push('Dockerfile: the last stage sets no USER (it would run as root)');
  else if (!/^\d+$/.test(user) || Number(user) === 0) problems.push(`Dockerfile: the last stage's USER must be a numeric non-root uid, got ${user}`);
  const installs = runtime.filter((instruction) => instruction.keyword === 'RUN' && /\bnpm\s+(ci|install|i)\b/.test(instruction.args));
  if (installs.length === 0) problems.push('Dockerfile: the last stage installs no dependencies (npm ci --omit=dev)');
  for (const install of installs) {
    if (!/\bnpm\s+ci\b/.test(install.args) || !/--omit=dev\b/.test(install.args)) {
      problems.push(`Dockerfile:${install.line}: the last stage must install with npm ci --omit=dev (production dependencies only)`);
    }
  }
  for (const instruction of list) {
    if (instruction.keyword === 'ADD') problems.push(`Dockerfile:${instruction.line}: ADD; use COPY (ADD fetches URLs and unpacks archives)`);
    if ((instruction.keyword === 'ENV' || instruction.keyword === 'ARG') && /(KEY|SECRET|PASSWORD|TOKEN)\w*\s*=?\s*\S/i.test(instruction.args)) {
      problems.push(`Dockerfile:${instruction.line}: ${instruction.keyword} looks like a secret; secrets come at run time, never in the image`);
    }
  }
  const ignoreFile = path.join(root, '.dockerignore');
  const ignored = fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, 'utf8').split('\n').map((line) => line.trim().replace(/^\*\*\//, '')) : [];
  for (const entry of IGNORED) {
    if (!ignored.includes(entry)) problems.push(`.dockerignore: does not leave out ${entry}`);
  }
  return { stages: stages.length };
}

module.exports = { lintDockerfile, instructions };
