import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { hubForTool } from '../hub/tool-database';
import { comparable, policyDiff, renderPolicyDiff } from './diff';
import type { PolicyDocument } from './policy-document';

export const USAGE = `usage: npm run policy:diff -- (--from VERSION | --from-file FILE) (--to VERSION | --to-file FILE) [--json]

What changes from one ISA policy version to another, rule by rule and section by section, and how
the second widens sharing compared with the first. Versions are read from the hub database
(HUB_DATABASE_URL, else the embedded .data/hub: stop embedded-mode services first); --from-file and
--to-file read policy documents (JSON) instead, and need no database. --json prints the structured diff.
Exit 0 done, 2 bad arguments, unknown version, unreadable document or no database.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

type Values = { from?: string; to?: string; 'from-file'?: string; 'to-file'?: string; json?: boolean; help?: boolean };

/** A refusal the CLI reports with exit code 2. */
class Usage extends Error {}

/** `npm run policy:diff`: returns the exit code. */
export async function runPolicyDiffCli(argv: string[], io: CliIo): Promise<number> {
  let values: Values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, 'from-file': { type: 'string' }, 'to-file': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    io.stderr(`policy:diff: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    for (const side of ['from', 'to'] as const) {
      const given = [values[side], values[`${side}-file`]].filter((v) => v !== undefined).length;
      if (given !== 1) throw new Usage(`give exactly one of --${side} and --${side}-file`);
    }
    const stored = [values.from, values.to].filter((v): v is string => v !== undefined);
    const fromDb = stored.length > 0 ? await readVersions(stored, io.env ?? process.env) : new Map<string, unknown>();
    const before = load(values.from, values['from-file'], fromDb);
    const after = load(values.to, values['to-file'], fromDb);
    const diff = policyDiff(before.document, after.document);
    const notes = [...before.notes, ...after.notes];
    io.stdout(values.json ? `${JSON.stringify({ ...diff, notes }, null, 2)}\n` : renderPolicyDiff(diff, notes));
    return 0;
  } catch (error) {
    if (!(error instanceof Usage)) throw error;
    io.stderr(`policy:diff: ${error.message}\n`);
    return 2;
  }
}

function load(version: string | undefined, file: string | undefined, stored: Map<string, unknown>): { document: PolicyDocument; notes: string[] } {
  let input: unknown;
  let label: string;
  if (file !== undefined) {
    label = `File ${file}`;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new Usage(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new Usage(`${file} is not valid JSON: ${(error as Error).message}`);
    }
  } else {
    label = `Version ${version}`;
    if (!stored.has(version!)) throw new Usage(`there is no ISA policy version ${version} in the hub database`);
    input = stored.get(version!);
  }
  const loaded = comparable(input, label);
  if ('errors' in loaded) throw new Usage(`${label} is not an ISA policy document: ${loaded.errors.join('; ')}`);
  return loaded;
}

async function readVersions(versions: string[], env: NodeJS.ProcessEnv): Promise<Map<string, unknown>> {
  const found = hubForTool(env);
  if (!found.found) throw new Usage(`no hub database at ${found.embeddedPath}; run npm start once, set HUB_DATABASE_URL, or compare files with --from-file and --to-file`);
  const hub = await found.open('hub-policy-diff');
  try {
    const rows = (await hub.dataSource.query('SELECT version, document FROM isa_policy_version WHERE version = ANY($1)', [versions])) as { version: string; document: unknown }[];
    return new Map(rows.map((row) => [row.version, typeof row.document === 'string' ? JSON.parse(row.document) : row.document]));
  } finally {
    await hub.close();
  }
}
