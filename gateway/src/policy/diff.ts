import { DEFAULT_NOTIFICATIONS } from '../notifications/agreement';
import { DEFAULT_RISK_MATRIX } from '../picture/risk-matrix';
import { defaultAlertRules } from './default-policy';
import { validatePolicy, withSchemaDefaults, type PolicyDocument, type PolicyRule } from './policy-document';
import { wideningFindings } from './widening';

export type PolicyDiffKind = 'ADDED' | 'REMOVED' | 'CHANGED' | 'MOVED';

/** One difference between two ISA versions, with the sentence a governance lead reads. */
export interface PolicyDiffChange {
  /** The document's top-level section, e.g. rules, classificationAccess, ratingControl. */
  section: string;
  /** Where, as a path whose segments in rules, classificationAccess and alerts are ids, not positions: /rules/green-no-agency-data/rag. */
  path: string;
  /** The rule's or entry's id, when the change is about one. */
  id: string | null;
  kind: PolicyDiffKind;
  /** Undefined when ADDED; for MOVED, the 1-based positions. */
  before?: unknown;
  after?: unknown;
  sentence: string;
}

export interface PolicyDiff {
  from: string;
  to: string;
  changes: PolicyDiffChange[];
  /** How `to` widens sharing compared with `from` (widening.ts); empty when it widens nothing. */
  widening: string[];
}

const LABELS: Record<string, string> = {
  title: 'Title', effectiveFrom: 'Effective from', lawfulBases: 'Lawful basis', timescalesHours: 'Timescale hours', timescales: 'Timescale',
  workingCalendar: 'Working calendar', reReferralWindowDays: 'Re-referral window (days)', closedCaseWindowHours: 'Hours agency data stays readable after closure',
  purposes: 'Purposes', ratingControl: 'Rating control', caseRegister: 'Case register', riskMatrix: 'Risk matrix', notifications: 'Onward notifications',
  classificationAccess: 'Field access entry', alerts: 'Alert', rules: 'Rule',
};

/**
 * What changes from `from` to `to`. Pure. Rules by id: added, removed, moved (order decides, the
 * first match wins) and changed field by field; classificationAccess and alert rules by id; every
 * other section by path. Absent optional sections compare as what the hub uses in their place.
 */
export function policyDiff(from: PolicyDocument, to: PolicyDocument): PolicyDiff {
  const before = effective(from);
  const after = effective(to);
  const changes: PolicyDiffChange[] = ruleChanges(before.rules, after.rules);
  const sections = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== 'rules' && key !== 'version');
  for (const section of sections) walk(before[section], after[section], [section], changes);
  return { from: from.version, to: to.version, changes, widening: wideningFindings(from, to) };
}

/** The diff as text: changes by section, then the widening verdict. */
export function renderPolicyDiff(diff: PolicyDiff, notes: string[] = []): string {
  const lines = [`ISA policy ${diff.from} -> ${diff.to}: ${count(diff.changes.length, 'change')}`, ''];
  for (const note of notes) lines.push(`Note: ${note}`, '');
  let section = '';
  for (const change of diff.changes) {
    if (change.section !== section) {
      section = change.section;
      lines.push(section === 'rules' ? 'Rules (tried in order; the first that matches decides):' : `${section}:`);
    }
    lines.push(`  - ${change.sentence}`);
  }
  if (diff.changes.length === 0) lines.push('The two versions say the same.');
  lines.push('');
  if (diff.widening.length === 0) {
    lines.push('Widens sharing: no (one approver other than the proposer is enough).');
  } else {
    lines.push(`Widens sharing: yes, ${count(diff.widening.length, 'finding')} (two approvers other than the proposer needed):`);
    for (const finding of diff.widening) lines.push(`  - ${finding}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A stored or given document made comparable: validated, or, when only today's semantic checks
 * refuse it, with the schema's defaults and a note; null with the errors when it is not an ISA
 * document at all.
 */
export function comparable(input: unknown, label: string): { document: PolicyDocument; notes: string[] } | { errors: string[] } {
  const checked = validatePolicy(input);
  if (checked.ok) return { document: checked.policy, notes: [] };
  const filled = withSchemaDefaults(input);
  if (filled.errors.length > 0) return { errors: filled.errors };
  return { document: filled.document as PolicyDocument, notes: [`${label} does not pass today's validation (${checked.errors.join('; ')}); it can never be activated`] };
}

function effective(doc: PolicyDocument): Record<string, unknown> & { rules: PolicyRule[] } {
  return {
    ...doc,
    notifications: { ...DEFAULT_NOTIFICATIONS, ...doc.notifications },
    riskMatrix: doc.riskMatrix ?? DEFAULT_RISK_MATRIX,
    alerts: doc.alerts ?? { rules: defaultAlertRules() },
  };
}

function ruleChanges(before: PolicyRule[], after: PolicyRule[]): PolicyDiffChange[] {
  const changes: PolicyDiffChange[] = [];
  const position = (rules: PolicyRule[], id: string) => rules.findIndex((rule) => rule.id === id) + 1;
  const afterIds = new Set(after.map((rule) => rule.id));
  const beforeIds = new Set(before.map((rule) => rule.id));
  for (const rule of before) {
    if (afterIds.has(rule.id)) continue;
    changes.push({ section: 'rules', path: `/rules/${rule.id}`, id: rule.id, kind: 'REMOVED', before: rule, sentence: `Rule ${rule.id} removed (was number ${position(before, rule.id)}: ${summary(rule)})` });
  }
  for (const rule of after) {
    if (beforeIds.has(rule.id)) continue;
    changes.push({ section: 'rules', path: `/rules/${rule.id}`, id: rule.id, kind: 'ADDED', after: rule, sentence: `Rule ${rule.id} added as number ${position(after, rule.id)} of ${after.length}: ${summary(rule)}` });
  }
  // Kept rules whose order relative to the other kept rules changed: those outside a longest common subsequence.
  const kept = before.map((rule) => rule.id).filter((id) => afterIds.has(id));
  const keptAfter = after.map((rule) => rule.id).filter((id) => beforeIds.has(id));
  const stay = new Set(longestCommonSubsequence(kept, keptAfter));
  for (const id of keptAfter) {
    if (stay.has(id)) continue;
    const [was, now] = [position(before, id), position(after, id)];
    changes.push({
      section: 'rules', path: `/rules/${id}`, id, kind: 'MOVED', before: was, after: now,
      sentence: `Rule ${id} moved from number ${was} to number ${now}: it is now tried ${now > was ? 'after' : 'before'} rules it used to ${now > was ? 'precede' : 'follow'}`,
    });
  }
  for (const rule of after) {
    const old = before.find((candidate) => candidate.id === rule.id);
    if (old) walk(old, rule, ['rules', rule.id], changes);
  }
  return changes;
}

function longestCommonSubsequence(a: string[], b: string[]): string[] {
  const table = a.map(() => b.map(() => 0));
  const at = (i: number, j: number) => (i < a.length && j < b.length ? table[i][j] : 0);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  }
  const out: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) (out.push(a[i]), i++, j++);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return out;
}

/** Structural diff by path; arrays of objects with a unique id (or area, agency) compare by it. */
function walk(before: unknown, after: unknown, path: string[], out: PolicyDiffChange[]): void {
  if (same(before, after)) return;
  const push = (kind: PolicyDiffKind, sentence: string) =>
    out.push({ section: path[0], path: `/${path.join('/')}`, id: idOf(path), kind, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }), sentence });
  const label = labelOf(path);
  if (before === undefined) return void push('ADDED', `${label} added: ${show(after)}`);
  if (after === undefined) return void push('REMOVED', `${label} removed (was ${show(before)})`);
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) walk(before[key], after[key], [...path, key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if ([...before, ...after].every((item) => !isObject(item) && !Array.isArray(item))) {
      const added = after.filter((item) => !before.includes(item));
      const removed = before.filter((item) => !after.includes(item));
      const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
      return void push('CHANGED', `${label}: ${parts.join('; ') || `order changed from ${before.join(', ')} to ${after.join(', ')}`}`);
    }
    const key = keyOf(before, after);
    if (key) {
      const byKey = (items: unknown[]) => new Map(items.map((item) => [String((item as Record<string, unknown>)[key]), item]));
      const [was, now] = [byKey(before), byKey(after)];
      for (const id of [...new Set([...was.keys(), ...now.keys()])]) walk(was.get(id), now.get(id), [...path, id], out);
      return;
    }
  }
  push('CHANGED', `${label}: ${show(before)} -> ${show(after)}`);
}

function keyOf(before: unknown[], after: unknown[]): string | null {
  for (const key of ['id', 'area', 'agency']) {
    const unique = (items: unknown[]) => items.every(isObject) && new Set(items.map((item) => (item as Record<string, unknown>)[key])).size === items.length && items.every((item) => typeof (item as Record<string, unknown>)[key] === 'string');
    if (unique(before) && unique(after)) return key;
  }
  return null;
}

function idOf(path: string[]): string | null {
  if (path[0] === 'rules' || path[0] === 'classificationAccess') return path[1] ?? null;
  if (path[0] === 'alerts' && path[1] === 'rules') return path[2] ?? null;
  return null;
}

function labelOf(path: string[]): string {
  const [section, ...rest] = path;
  if (section === 'alerts' && rest[0] === 'rules' && rest[1]) return [`Alert rule ${rest[1]}`, ...rest.slice(2)].join(' ');
  if ((section === 'rules' || section === 'classificationAccess') && rest[0]) return [`${LABELS[section]} ${rest[0]}`, ...rest.slice(1)].join(' ');
  return [LABELS[section] ?? section, ...rest].join(' ');
}

/** An item in a line: its fields in order, the description last and quoted. */
function summary(item: object): string {
  const entries = Object.entries(item).filter(([key]) => key !== 'id' && key !== 'description');
  const text = entries.map(([key, value]) => `${key} ${Array.isArray(value) && value.every((v) => !isObject(v)) ? value.join(', ') : show(value)}`).join('; ');
  const description = (item as { description?: unknown }).description;
  return typeof description === 'string' ? `${text} ("${description}")` : text;
}

function show(value: unknown): string {
  if (isObject(value) && ('id' in value || 'area' in value)) return summary(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).filter((k) => value[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(',')}}`;
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
