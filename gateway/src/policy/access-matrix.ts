import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { SENSITIVITY_LEVELS, type Obligation, type SensitivityLevel } from '@mash/shared';
import { HUB_ROLES, type HubRole } from '../auth/user';
import { releasedLevels, withheldField } from './classification';
import { classifiedFields, isReleased, type ClassifiedField } from './classified-fields';
import { decideFetch, decideWithoutPolicy, type CaseFacts, type FetchDecision } from './decide';
import { POLICY_AGENCIES, type AgencyName, type PolicyDocument, type Rag } from './policy-document';

/** A case's rating as the matrix reads it: one of the three, or not rated yet. */
export type MatrixRag = Rag | 'UNRATED';
export const MATRIX_RAGS: readonly MatrixRag[] = ['RED', 'AMBER', 'GREEN', 'UNRATED'];

/** A case's status as the matrix reads it: the closed-case window splits closed cases in two. */
export type MatrixCaseStatus = 'OPEN' | 'CLOSED_WITHIN_WINDOW' | 'CLOSED_AFTER_WINDOW';
export const MATRIX_CASE_STATUSES: readonly MatrixCaseStatus[] = ['OPEN', 'CLOSED_WITHIN_WINDOW', 'CLOSED_AFTER_WINDOW'];

/** One sensitivity level of one agency fetch: released or withheld, and why. */
export interface AccessMatrixLevelEntry {
  level: SensitivityLevel;
  allowed: boolean;
  /** The fetch rule when the fetch is denied or the level released; the withholding rule otherwise. */
  rule: string;
  reason: string;
  /** The `classificationAccess` entries releasing this level, in document order; empty when withheld. */
  releasedBy: string[];
  /** Every agency field path (from Subject) whose own level is this one. */
  fields: string[];
  /** Of `fields`, those still withheld in this cell because a field enclosing them is at a level not released. */
  withheldWithin: string[];
}

/** Whether one role sees one agency's data for a case of one rating and status, level by level. */
export interface AccessMatrixEntry {
  role: HubRole;
  agency: AgencyName;
  rag: MatrixRag;
  caseStatus: MatrixCaseStatus;
  /** The fetch decision: may the agency be asked at all. */
  allowed: boolean;
  rule: string;
  reason: string;
  lawfulBasis: string | null;
  obligations: Obligation[];
  /** Every sensitivity level, in SENSITIVITY_LEVELS order. */
  levels: AccessMatrixLevelEntry[];
}

/** One cell: a row's level, with the fetch's outcome beside it (what CSV and the walk test read). */
export interface AccessMatrixCell extends AccessMatrixLevelEntry {
  role: HubRole;
  agency: AgencyName;
  rag: MatrixRag;
  caseStatus: MatrixCaseStatus;
  fetchAllowed: boolean;
  fetchRule: string;
  /** The basis the level is shared under; null when it is not shared. */
  lawfulBasis: string | null;
  /** What the agency leaves out when it shares this level; empty when it is not shared. */
  obligations: Obligation[];
}

export interface AccessMatrixOptions {
  /** The supergraph's classified agency fields (`classifiedFields`); default none (empty `fields`). */
  fields?: readonly ClassifiedField[];
  /** Default all four. */
  rags?: readonly MatrixRag[];
  /** Default all three. */
  caseStatuses?: readonly MatrixCaseStatus[];
}

// Any fixed instant: the closed-case facts below are placed relative to it.
const NOW = new Date(Date.UTC(2026, 10, 1, 12));
const HOUR_MS = 3_600_000;

/**
 * The case a cell stands for: a referral whose rating is confirmed, no early-help consent, open or
 * closed halfway through the policy's closed-case window, or a day after it ended.
 */
export function matrixCaseFacts(policy: PolicyDocument | null, rag: MatrixRag, status: MatrixCaseStatus, now: Date = NOW): CaseFacts {
  const windowHours = policy?.closedCaseWindowHours ?? 72;
  const closedHoursAgo = status === 'CLOSED_WITHIN_WINDOW' ? windowHours / 2 : windowHours + 24;
  return {
    id: 'access-matrix',
    kind: 'REFERRAL',
    rag: rag === 'UNRATED' ? null : rag,
    status: status === 'OPEN' ? 'OPEN' : 'CLOSED',
    closedAt: status === 'OPEN' ? null : new Date(now.getTime() - closedHoursAgo * HOUR_MS),
    consentEarlyHelpSharing: false,
    ratingState: 'CONFIRMED',
  };
}

/**
 * Derives the matrix by asking the decision point itself (`decideFetch`, then `releasedLevels` and
 * `withheldField` for an allowed fetch), so it can never disagree with what is enforced. Each row
 * is a user holding that one role, the policy's default (first) purpose and the case of
 * `matrixCaseFacts`. `null` (no valid active policy) yields every cell denied.
 */
export function accessMatrix(policy: PolicyDocument | null, options: AccessMatrixOptions = {}): AccessMatrixEntry[] {
  const rags = options.rags ?? MATRIX_RAGS;
  const statuses = options.caseStatuses ?? MATRIX_CASE_STATUSES;
  const byLevel = fieldsByAgencyAndLevel(options.fields ?? []);
  const rows: AccessMatrixEntry[] = [];
  for (const role of HUB_ROLES) {
    for (const agency of POLICY_AGENCIES) {
      for (const rag of MATRIX_RAGS.filter((value) => rags.includes(value))) {
        for (const caseStatus of MATRIX_CASE_STATUSES.filter((value) => statuses.includes(value))) {
          const decision = policy
            ? decideFetch(policy, {
                user: { id: 'access-matrix', roles: [role] },
                agency,
                purpose: policy.purposes[0],
                case: matrixCaseFacts(policy, rag, caseStatus),
                now: NOW,
              })
            : decideWithoutPolicy();
          const { allowed, rule, reason, lawfulBasis, obligations } = decision;
          const levels = levelsOf(policy, decision, role, agency, rag, byLevel.get(agency));
          rows.push({ role, agency, rag, caseStatus, allowed, rule, reason, lawfulBasis, obligations, levels });
        }
      }
    }
  }
  return rows;
}

function levelsOf(
  policy: PolicyDocument | null,
  fetch: FetchDecision,
  role: HubRole,
  agency: AgencyName,
  rag: MatrixRag,
  fields: Map<SensitivityLevel, ClassifiedField[]> | undefined,
): AccessMatrixLevelEntry[] {
  const input = { roles: [role], rag: rag === 'UNRATED' ? null : rag, purpose: policy?.purposes[0] ?? '', agency };
  const release = policy && fetch.allowed ? releasedLevels(policy, input) : { levels: [] as SensitivityLevel[], entries: [] as string[] };
  return SENSITIVITY_LEVELS.map((level) => {
    const atLevel = fields?.get(level) ?? [];
    const paths = atLevel.map((field) => field.path);
    if (!policy || !fetch.allowed) {
      return { level, allowed: false, rule: fetch.rule, reason: fetch.reason, releasedBy: [], fields: paths, withheldWithin: [] };
    }
    if (!release.levels.includes(level)) {
      const withheld = withheldField(policy, level, input);
      return { level, allowed: false, rule: withheld.rule, reason: withheld.reason, releasedBy: [], fields: paths, withheldWithin: [] };
    }
    const releasedBy = release.entries.filter((id) => policy.classificationAccess.find((entry) => entry.id === id)?.levels.includes(level));
    return {
      level,
      allowed: true,
      rule: fetch.rule,
      reason: `${fetch.reason} ${level} fields are released by classificationAccess ${releasedBy.join(', ')}.`,
      releasedBy,
      fields: paths,
      withheldWithin: atLevel.filter((field) => !isReleased(release.levels, field.level, field.ancestors)).map((field) => field.path),
    };
  });
}

function fieldsByAgencyAndLevel(fields: readonly ClassifiedField[]): Map<AgencyName, Map<SensitivityLevel, ClassifiedField[]>> {
  const out = new Map<AgencyName, Map<SensitivityLevel, ClassifiedField[]>>();
  for (const field of fields) {
    const levels = out.get(field.agency) ?? new Map<SensitivityLevel, ClassifiedField[]>();
    out.set(field.agency, levels);
    levels.set(field.level, [...(levels.get(field.level) ?? []), field]);
  }
  return out;
}

/** The matrix one cell per line: role x agency x rating x status x level. */
export function accessMatrixCells(rows: readonly AccessMatrixEntry[]): AccessMatrixCell[] {
  return rows.flatMap((row) =>
    row.levels.map((level) => ({
      role: row.role,
      agency: row.agency,
      rag: row.rag,
      caseStatus: row.caseStatus,
      ...level,
      fetchAllowed: row.allowed,
      fetchRule: row.rule,
      lawfulBasis: level.allowed ? row.lawfulBasis : null,
      obligations: level.allowed ? row.obligations : [],
    })),
  );
}

/** The supergraph the gateway serves (SUPERGRAPH_PATH, as the gateway's config reads it, else the committed one). */
export function defaultSupergraphPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SUPERGRAPH_PATH || path.resolve(__dirname, '../../supergraph.graphql');
}

const loaded = new Map<string, ClassifiedField[]>();

/** The classified agency fields of the supergraph at `file`, read once per file. */
export function supergraphFields(file: string = defaultSupergraphPath()): ClassifiedField[] {
  let fields = loaded.get(file);
  if (!fields) {
    fields = classifiedFields(buildSchema(fs.readFileSync(file, 'utf8'), { assumeValidSDL: true }));
    loaded.set(file, fields);
  }
  return fields;
}
