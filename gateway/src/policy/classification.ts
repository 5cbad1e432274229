import { SENSITIVITY_LEVELS, type SensitivityLevel } from '@mash/shared';
import { anyOf } from './decide';
import { BUILT_IN_RULES, type AgencyName, type ClassificationAccess, type PolicyDocument, type Rag } from './policy-document';

/** What `releasedLevels` is asked about: one fetch that a rule has already allowed. */
export interface ReleaseInput {
  roles: readonly string[];
  rag: Rag | null;
  purpose: string;
  agency: AgencyName;
}

export interface Release {
  /** The levels the fetch may return, in SENSITIVITY_LEVELS order; never RESTRICTED. */
  levels: SensitivityLevel[];
  /** The `classificationAccess` entries that released them, in document order. */
  entries: string[];
}

/** Levels no policy can release: the gateway withholds them whatever a version says. */
export const NEVER_RELEASED: readonly SensitivityLevel[] = ['RESTRICTED'];

/**
 * The field sensitivities a fetch may return under `policy`: the union of the matching
 * `classificationAccess` entries' levels. Only meaningful for a fetch `decideFetch` allowed; the
 * fetch-level decision comes first and this narrows it, never widens it.
 */
export function releasedLevels(policy: PolicyDocument, input: ReleaseInput): Release {
  const levels = new Set<SensitivityLevel>();
  const entries: string[] = [];
  for (const entry of policy.classificationAccess) {
    if (!entryMatches(entry, input)) continue;
    entries.push(entry.id);
    for (const level of entry.levels) levels.add(level);
  }
  return { levels: SENSITIVITY_LEVELS.filter((level) => levels.has(level) && !NEVER_RELEASED.includes(level)), entries };
}

/** The rule id and the sentence for a field withheld at `level` from a fetch that was allowed. */
export function withheldField(policy: PolicyDocument, level: SensitivityLevel, input: ReleaseInput): { rule: string; reason: string } {
  if (NEVER_RELEASED.includes(level)) {
    const rule = BUILT_IN_RULES.restrictedItem;
    return {
      rule,
      reason: `This item is restricted (DOMAIN.md 6.2: e.g. a protected address, MAPPA detail, sexual-health record) and is never released automatically; ask the ${input.agency} single point of contact (rule ${rule}).`,
    };
  }
  const rule = BUILT_IN_RULES.classificationWithheld;
  const rated = input.rag ? `${input.rag === 'AMBER' ? 'an' : 'a'} ${input.rag} case` : 'an unrated case';
  return {
    rule,
    reason:
      `ISA policy ${policy.version} does not release ${level} fields from ${input.agency} to ${input.roles.join(', ') || 'a user with no hub role'} ` +
      `for ${rated} for ${input.purpose}; the rest of the answer is shared (rule ${rule}).`,
  };
}

function entryMatches(entry: ClassificationAccess, input: ReleaseInput): boolean {
  return (
    anyOf(entry.roles, input.roles) &&
    anyOf(entry.rag, [input.rag ?? 'UNRATED']) &&
    anyOf(entry.purposes, [input.purpose]) &&
    anyOf(entry.agencies, [input.agency])
  );
}
