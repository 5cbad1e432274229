'use strict';
// deploy/k8s/agencies/police is written by hand; the other three agencies' directories are made
// from it (names, variable prefix, database name, port), so that the four stay one design.
// `npm run check:deploy -- --write` regenerates them; the check fails while one is stale.
const fs = require('node:fs');
const path = require('node:path');

const SOURCE = 'police';
const AGENCIES = [
  { agency: 'police', prefix: 'POLICE', port: 4001 },
  { agency: 'social-care', prefix: 'SOCIAL_CARE', port: 4002 },
  { agency: 'health', prefix: 'HEALTH', port: 4003 },
  { agency: 'education', prefix: 'EDUCATION', port: 4004 },
];

function header(agency) {
  return `# Generated from deploy/k8s/agencies/${SOURCE} for ${agency} by \`npm run check:deploy -- --write\`: edit ${SOURCE}'s and regenerate.\n`;
}

/** One of police's files as it reads for another agency. */
function translate(text, { agency, prefix, port }) {
  return header(agency) + text
    .replaceAll('POLICE', prefix)
    .replaceAll('mash_police', `mash_${prefix.toLowerCase()}`)
    .replaceAll('police', agency)
    .replaceAll('4001', String(port));
}

/** Compares (or with `write`, rewrites) the generated agencies; returns the names of stale files. */
function syncAgencies(root, { write = false } = {}) {
  const base = path.join(root, 'deploy', 'k8s', 'agencies');
  const sourceDir = path.join(base, SOURCE);
  const stale = [];
  if (!fs.existsSync(sourceDir)) return [`deploy/k8s/agencies/${SOURCE} is missing`];
  const files = fs.readdirSync(sourceDir).filter((name) => name.endsWith('.yaml')).sort();
  for (const target of AGENCIES.filter((entry) => entry.agency !== SOURCE)) {
    const dir = path.join(base, target.agency);
    const expected = new Map(files.map((name) => [name, translate(fs.readFileSync(path.join(sourceDir, name), 'utf8'), target)]));
    const present = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.yaml')) : [];
    for (const name of present.filter((name) => !expected.has(name))) {
      if (write) fs.rmSync(path.join(dir, name));
      else stale.push(`deploy/k8s/agencies/${target.agency}/${name} (not in ${SOURCE})`);
    }
    for (const [name, text] of expected) {
      const file = path.join(dir, name);
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
      if (write) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, text);
      } else {
        stale.push(`deploy/k8s/agencies/${target.agency}/${name}`);
      }
    }
  }
  return stale;
}

module.exports = { AGENCIES, syncAgencies, translate };
