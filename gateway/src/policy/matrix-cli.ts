import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalHash, SENSITIVITY_DESCRIPTIONS, SENSITIVITY_LEVELS, type SensitivityLevel } from '@mash/shared';
import { HUB_ROLES } from '../auth/user';
import { hubForTool } from '../hub/tool-database';
import {
  accessMatrix, accessMatrixCells, MATRIX_CASE_STATUSES, MATRIX_RAGS, supergraphFields,
  type AccessMatrixEntry, type MatrixCaseStatus,
} from './access-matrix';
import { BUILT_IN_RULES, POLICY_AGENCIES, validatePolicy, type PolicyDocument } from './policy-document';
import { DEFAULT_POLICY } from './default-policy';

export const USAGE = `usage: npm run policy:matrix -- [--version V | --file policy.json] [--format markdown|csv] [--status OPEN|CLOSED_WITHIN_WINDOW|CLOSED_AFTER_WINDOW]

Who sees which agency's data, and which field sensitivity levels of it, for a case of each rating
and status: role x agency x rating x case status x level, derived from the gateway's own decision
functions and the supergraph's field classification.
  --version V  that ISA policy version from the hub database (any status); default the version in force
  --file F     a policy document (JSON) instead of the hub database
  --format     markdown (default; also md) or csv (one line per cell)
  --status     only these case statuses, comma-separated; default all three
The hub database is HUB_DATABASE_URL, else the embedded .data/hub (stop embedded-mode services
first). With neither a database nor --file, prints the built-in default policy, saying so.
Exit 0 done, 2 bad arguments, an unknown or invalid version, or an unreadable file.`;

/** The level in a word or two, for table cells. */
export const LEVEL_WORDS: Record<SensitivityLevel, string> = {
  BASIC_IDENTITY: 'identity',
  SAFEGUARDING_STATUS: 'safeguarding',
  HEALTH_SPECIAL: 'health',
  CRIMINAL_OFFENCE: 'offences',
  POLICE_INTELLIGENCE: 'intelligence',
  RESTRICTED: 'restricted',
};

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** The policy the matrix is printed for and where it came from, in words for the reader. */
export interface MatrixSource {
  policy: PolicyDocument | null;
  source: string;
}

class UsageError extends Error {}

/** `npm run policy:matrix`: returns the exit code. */
export async function runMatrixCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { format, statuses, version, file } = parseMatrixArgs(argv);
    if (format === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const env = io.env ?? process.env;
    const loaded = file ? policyFromFile(file) : await policyFromHub(env, version);
    const rows = accessMatrix(loaded.policy, { fields: supergraphFields(), caseStatuses: statuses });
    if (format === 'csv') {
      io.stderr(`policy:matrix: ${loaded.source}\n`);
      io.stdout(renderMatrixCsv(rows));
    } else {
      io.stdout(renderMatrixMarkdown(rows, loaded));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`policy:matrix: ${error.message}\n${USAGE}\n`);
    return 2;
  }
}

function parseMatrixArgs(argv: string[]): { format: 'markdown' | 'csv' | 'help'; statuses: MatrixCaseStatus[]; version?: string; file?: string } {
  let values: { version?: string; file?: string; format?: string; status?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { version: { type: 'string' }, file: { type: 'string' }, format: { type: 'string' }, status: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { format: 'help', statuses: [] };
  if (values.version !== undefined && values.file !== undefined) throw new UsageError('give --version or --file, not both');
  if (values.version === '') throw new UsageError('--version needs a version, e.g. --version 2026-11-01.5');
  if (values.file === '') throw new UsageError('--file needs a path to a policy document (JSON)');
  const format = values.format === undefined || values.format === 'markdown' || values.format === 'md' ? 'markdown' : values.format === 'csv' ? 'csv' : null;
  if (!format) throw new UsageError(`--format must be markdown or csv, not ${values.format}`);
  const statuses = values.status === undefined ? [...MATRIX_CASE_STATUSES] : values.status.split(',').map((status) => status.trim().toUpperCase());
  const unknown = statuses.filter((status) => !(MATRIX_CASE_STATUSES as readonly string[]).includes(status));
  if (unknown.length > 0 || statuses.length === 0) {
    throw new UsageError(`--status must be one or more of ${MATRIX_CASE_STATUSES.join(', ')} (comma-separated), not ${unknown.join(', ') || 'nothing'}`);
  }
  return { format, statuses: statuses as MatrixCaseStatus[], version: values.version, file: values.file };
}

function policyFromFile(file: string): MatrixSource {
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  const checked = validatePolicy(document);
  if (!checked.ok) throw new UsageError(`${file} is not a valid ISA policy: ${checked.errors.join('; ')}`);
  return { policy: checked.policy, source: `Policy file ${path.basename(file)} (version ${checked.policy.version}), not necessarily the version in force.` };
}

interface StoredVersion {
  version: string;
  document: unknown;
  document_hash: string;
  status: string;
}

/** The version in force (or `version`) from the hub database, checked as the gateway checks it; DEFAULT_POLICY when there is no database. */
async function policyFromHub(env: NodeJS.ProcessEnv, version: string | undefined): Promise<MatrixSource> {
  const found = hubForTool(env);
  if (!found.found) {
    if (version) throw new UsageError(`no hub database at ${found.embeddedPath} to read version ${version} from; run npm start once, set HUB_DATABASE_URL, or give --file`);
    return {
      policy: DEFAULT_POLICY,
      source:
        `No hub database (HUB_DATABASE_URL unset, nothing at ${found.embeddedPath}) and no --file: this is the built-in default policy ${DEFAULT_POLICY.version}, ` +
        'the one a new hub starts with, not necessarily the version in force anywhere.',
    };
  }
  const hub = await found.open('policy-matrix');
  try {
    const [table] = (await hub.dataSource.query(`SELECT to_regclass('isa_policy_version') IS NOT NULL AS present`)) as { present: boolean }[];
    if (!table.present) throw new UsageError('the hub database has no ISA policy versions yet; run npm start once');
    const select = 'SELECT version, document, document_hash, status FROM isa_policy_version WHERE';
    const [record] = (await (version
      ? hub.dataSource.query(`${select} version = $1`, [version])
      : hub.dataSource.query(`${select} status = 'ACTIVE'`))) as StoredVersion[];
    if (version) {
      if (!record) throw new UsageError(`there is no ISA policy version ${version} in the hub database`);
      const checked = validatePolicy(record.document);
      if (!checked.ok) throw new UsageError(`version ${version} is not a valid policy: ${checked.errors.join('; ')}`);
      return { policy: checked.policy, source: `Hub database, version ${version} (${record.status}).` };
    }
    // As PolicyStore.active(): a version in force that no longer hashes or validates shares nothing.
    if (!record) return { policy: null, source: `Hub database: no version is in force, so nothing is shared (rule ${BUILT_IN_RULES.noActivePolicy}).` };
    const checked = validatePolicy(record.document);
    if (canonicalHash(record.document) !== record.document_hash || !checked.ok || checked.policy.version !== record.version) {
      return { policy: null, source: `Hub database: version ${record.version} is in force but fails its checks, so nothing is shared (rule ${BUILT_IN_RULES.noActivePolicy}).` };
    }
    return { policy: checked.policy, source: `Hub database, the version in force (${record.version}).` };
  } finally {
    await hub.close();
  }
}

const STATUS_TITLES: Record<MatrixCaseStatus, (windowHours: number) => string> = {
  OPEN: () => 'Open cases',
  CLOSED_WITHIN_WINDOW: (hours) => `Cases closed no more than ${hours} hours ago`,
  CLOSED_AFTER_WINDOW: (hours) => `Cases closed more than ${hours} hours ago`,
};

/** One table cell: the levels released (short words) and the deciding rule, or "no" and the rule. */
export function markdownCell(row: AccessMatrixEntry): string {
  const released = row.levels.filter((level) => level.allowed);
  if (released.length === 0) {
    const rule = row.allowed ? row.levels[0].rule : row.rule;
    return `no (${rule})`;
  }
  const entries = [...new Set(released.flatMap((level) => level.releasedBy))];
  return `${released.map((level) => LEVEL_WORDS[level.level]).join(', ')} (${row.rule}; levels: ${entries.join(', ')})`;
}

/** The matrix for a board: a legend of levels, one table per case status, lawful bases, obligations and the rules' wording. */
export function renderMatrixMarkdown(rows: readonly AccessMatrixEntry[], { policy, source }: MatrixSource): string {
  const windowHours = policy?.closedCaseWindowHours ?? 72;
  const purpose = policy?.purposes[0] ?? 'MASH_TRIAGE';
  const out: string[] = [
    `# Access matrix: ${policy ? `ISA policy ${policy.version}` : 'no policy in force'}`,
    '',
    ...(policy ? [policy.title, ''] : []),
    `Source: ${source}`,
    '',
    `Each cell is a user holding that one role, looking at a referral whose rating is confirmed, for ${purpose}, with no early-help consent recorded. ` +
      'It lists the field sensitivity levels the agency releases and, in brackets, the rule that decides and the classificationAccess entries that release them; ' +
      `"no" means nothing from that agency, with the rule that refuses it. Levels not listed are withheld field by field (rule ${BUILT_IN_RULES.classificationWithheld}); ` +
      `restricted items never arrive automatically (rule ${BUILT_IN_RULES.restrictedItem}). Worked out by the gateway's own decision functions, so it is what the gateway enforces.`,
    '',
    '## Field sensitivity levels',
    '',
    '| Level | In the tables | What it holds | Agency fields at this level |',
    '|---|---|---|---|',
    ...SENSITIVITY_LEVELS.map((level) => {
      const counts = POLICY_AGENCIES.map((agency) => `${agency} ${rows.find((row) => row.agency === agency)?.levels.find((item) => item.level === level)?.fields.length ?? 0}`);
      return `| ${level} | ${LEVEL_WORDS[level]} | ${escape(SENSITIVITY_DESCRIPTIONS[level])} | ${counts.join(', ')} |`;
    }),
  ];
  for (const status of MATRIX_CASE_STATUSES) {
    const ofStatus = rows.filter((row) => row.caseStatus === status);
    if (ofStatus.length === 0) continue;
    out.push('', `## ${STATUS_TITLES[status](windowHours)}`, '', `| Role | Rating | ${POLICY_AGENCIES.join(' | ')} |`, `|---|---|${POLICY_AGENCIES.map(() => '---').join('|')}|`);
    for (const role of HUB_ROLES) {
      for (const rag of MATRIX_RAGS) {
        const cells = POLICY_AGENCIES.map((agency) => ofStatus.find((row) => row.role === role && row.rag === rag && row.agency === agency));
        if (cells.some((cell) => !cell)) continue;
        out.push(`| ${role} | ${rag} | ${cells.map((cell) => escape(markdownCell(cell!))).join(' | ')} |`);
      }
    }
  }
  out.push('', '## Lawful basis per agency', '', '| Agency | Lawful basis |', '|---|---|');
  for (const agency of POLICY_AGENCIES) out.push(`| ${agency} | ${escape(policy?.lawfulBases[agency] ?? 'none recorded: nothing is shared')} |`);
  const obligations = new Map<string, Set<string>>();
  for (const row of rows.filter((item) => item.allowed)) {
    for (const obligation of row.obligations) obligations.set(obligation, (obligations.get(obligation) ?? new Set()).add(row.agency));
  }
  out.push('', '## Obligations where data is shared (no early-help consent recorded)', '');
  if (obligations.size === 0) out.push('None.');
  for (const [obligation, agencies] of obligations) out.push(`- ${obligation}: ${POLICY_AGENCIES.filter((agency) => agencies.has(agency)).join(', ')}`);
  out.push('', '## The rules in the tables', '');
  // Each rule once, with the sentence a user in its first cell reads (a fetch's own, or a level's withholding).
  const reasons = new Map<string, string>();
  for (const row of rows) {
    if (!reasons.has(row.rule)) reasons.set(row.rule, row.reason);
    for (const level of row.levels) if (!reasons.has(level.rule)) reasons.set(level.rule, level.reason);
  }
  for (const [rule, reason] of reasons) out.push(`- ${rule}: "${reason}"`);
  return `${out.join('\n')}\n`;
}

// A table cell must not break the table.
const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes. */
const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export const CSV_HEADER = [
  'case_status', 'role', 'rating', 'agency', 'level', 'allowed', 'rule', 'released_by', 'fetch_allowed', 'fetch_rule',
  'lawful_basis', 'obligations', 'fields', 'withheld_within', 'reason',
] as const;

/** One line per cell (role x agency x rating x case status x level); lists inside a field are space-separated. */
export function renderMatrixCsv(rows: readonly AccessMatrixEntry[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const cell of accessMatrixCells(rows)) {
    lines.push(
      [
        cell.caseStatus, cell.role, cell.rag, cell.agency, cell.level, String(cell.allowed), cell.rule, cell.releasedBy.join(' '),
        String(cell.fetchAllowed), cell.fetchRule, cell.lawfulBasis ?? '', cell.obligations.join(' '), cell.fields.join(' '), cell.withheldWithin.join(' '), cell.reason,
      ].map(csvField).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
