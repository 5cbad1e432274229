import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { hubForTool } from '../hub/tool-database';
import { validatePolicy, type PolicyDocument } from './policy-document';
import { policyEntities } from './index';
import { PolicyStore } from './policy-store';
import { simulatePolicy, simulationPeriod, type ChangeCounts, type SimulationResult } from './simulation';

export const USAGE = `usage: npm run policy:simulate -- (--version V | --file draft.json) --from YYYY-MM-DD --to YYYY-MM-DD [--examples N] [--json]

What an ISA version would have decided over the hub's access log from --from to --to (whole
Europe/London days, both included; or ISO timestamps with an offset, --to excluded), against what
was decided: --version names a version held by the hub (any status, e.g. a draft), --file a policy
document not yet proposed. Reads the hub database (HUB_DATABASE_URL, else the embedded .data/hub:
stop embedded-mode services first) and changes nothing. Prints Markdown, or JSON with --json.
Exit 0 done, 2 bad arguments, an invalid policy or no database.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

interface Values {
  version?: string;
  file?: string;
  from?: string;
  to?: string;
  examples?: string;
  json?: boolean;
  help?: boolean;
}

/** `npm run policy:simulate`: returns the exit code. */
export async function runSimulateCli(argv: string[], io: CliIo): Promise<number> {
  let values: Values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { version: { type: 'string' }, file: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, examples: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    return fail(io, (error as Error).message);
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (Boolean(values.version) === Boolean(values.file)) return fail(io, 'give either --version or --file (one of them)');
  if (!values.from || !values.to) return fail(io, 'give both --from and --to');
  const examples = Number(values.examples ?? '5');
  if (!Number.isInteger(examples) || examples < 0) return fail(io, `--examples must be a whole number from 0, not ${values.examples}`);
  let period: { from: Date; to: Date };
  try {
    period = simulationPeriod(values.from, values.to);
  } catch (error) {
    return fail(io, (error as Error).message);
  }
  let fromFile: PolicyDocument | undefined;
  if (values.file) {
    const checked = readDocument(values.file);
    if (typeof checked === 'string') return fail(io, checked);
    fromFile = checked;
  }

  const found = hubForTool(io.env ?? process.env);
  if (!found.found) {
    io.stderr(`policy:simulate: no hub database at ${found.embeddedPath}; run npm start once or set HUB_DATABASE_URL\n`);
    return 2;
  }
  const hub = await found.open('hub-simulate', { entities: [...policyEntities] });
  try {
    let candidate = fromFile;
    let source = `file ${values.file}`;
    if (!candidate) {
      // Read only: a store that would refuse to record any change.
      const store = new PolicyStore({ dataSource: hub.dataSource, onChange: () => Promise.reject(new Error('policy:simulate changes nothing')) });
      const record = await store.find(values.version!);
      if (!record) return fail(io, `the hub holds no ISA policy version ${values.version}`, false);
      const checked = validatePolicy(record.document);
      if (!checked.ok) return fail(io, `version ${values.version} is not a valid policy: ${checked.errors.join('; ')}`, false);
      candidate = checked.policy;
      source = `version ${record.version} (${record.status}) held by the hub`;
    }
    const result = await simulatePolicy(hub.dataSource, candidate, period.from, period.to, { examplesPerKind: examples });
    io.stdout(values.json ? `${JSON.stringify({ source, ...result }, null, 2)}\n` : renderSimulation(result, source));
    return 0;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return fail(io, error.message, false);
    throw error;
  } finally {
    await hub.close();
  }
}

/** The document in `file`, validated; or what is wrong with it. */
function readDocument(file: string): PolicyDocument | string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return `cannot read --file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `--file ${file} is not valid JSON: ${(error as Error).message}`;
  }
  const checked = validatePolicy(parsed);
  return checked.ok ? checked.policy : `--file ${file} is not a valid policy: ${checked.errors.join('; ')}`;
}

function fail(io: CliIo, message: string, usage = true): number {
  io.stderr(`policy:simulate: ${message}\n${usage ? `${USAGE}\n` : ''}`);
  return 2;
}

const COUNT_HEADERS = ['re-evaluated', 'unchanged', 'allowed -> denied', 'denied -> allowed', 'levels narrowed', 'levels widened'];
const counts = (row: ChangeCounts) => [row.reEvaluated, row.unchanged, row.allowedToDenied, row.deniedToAllowed, row.levelsNarrowed, row.levelsWidened].map(String);

function table(headers: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map((cells) => `| ${cells.map(escape).join(' | ')} |`)].join('\n');
}

/** Markdown a board member can read: the totals, what was not re-evaluated, the breakdowns, examples and the method. */
export function renderSimulation(result: SimulationResult, source: string): string {
  const lines = [
    `# Simulation of ISA version ${result.version}`,
    '',
    `Simulated: ${source}. Period: ${result.from.toISOString()} to ${result.to.toISOString()} (end excluded).`,
    '',
    table(['measure', 'decisions'], [
      ['agency-fetch entries read', String(result.entriesRead)],
      ['re-evaluated', String(result.reEvaluated)],
      ['unchanged', String(result.unchanged)],
      ['allowed -> denied', String(result.allowedToDenied)],
      ['denied -> allowed', String(result.deniedToAllowed)],
      ['levels narrowed', String(result.levelsNarrowed)],
      ['levels widened', String(result.levelsWidened)],
      ['unchanged, decided by another rule', String(result.ruleChanged)],
      ['unchanged, levels not recorded to compare', String(result.levelsNotCompared)],
    ]),
    '',
    '## Not re-evaluated',
    '',
    result.notReEvaluated.length ? table(['reason', 'entries', 'why'], result.notReEvaluated.map((row) => [row.reason, String(row.count), row.description])) : 'None: every entry read was a decision of the policy.',
    '',
    '## Decided at the time under',
    '',
    result.recordedUnder.length ? table(['ISA version', 'decisions'], result.recordedUnder.map((row) => [row.policyVersion, String(row.count)])) : 'No decision re-evaluated.',
    '',
    '## By rule (recorded -> simulated)',
    '',
    table(['recorded rule', 'simulated rule', ...COUNT_HEADERS], result.byRule.map((row) => [row.recordedRule, row.simulatedRule, ...counts(row)])),
    '',
    '## By role',
    '',
    table(['roles', ...COUNT_HEADERS], result.byRole.map((row) => [row.roles.join(', ') || 'none', ...counts(row)])),
    '',
    '## By agency',
    '',
    table(['agency', ...COUNT_HEADERS], result.byAgency.map((row) => [row.agency, ...counts(row)])),
    '',
    '## Examples',
    '',
    result.examples.length
      ? table(
          ['change', 'case', 'user', 'agency', 'recorded at', 'recorded rule', 'simulated rule', 'levels then', 'levels simulated'],
          result.examples.map((example) => [
            example.change, example.caseReference ?? example.caseId, example.userId, example.agency, example.recordedAt.toISOString(), example.recordedRule,
            example.simulatedRule, example.recordedLevels?.join(', ') ?? '-', example.simulatedLevels?.join(', ') ?? '-',
          ]),
        )
      : 'No decision would change.',
    '',
    '## Method',
    '',
    ...result.method.map((sentence) => `- ${sentence}`),
    '',
  ];
  return lines.join('\n');
}
