import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import type { GrantClaims, Obligation } from '@mash/shared';
import type { HubRole } from '../auth/user';
import schema from './policy.schema.json';

export type AgencyName = GrantClaims['agency'];
export type Rag = 'RED' | 'AMBER' | 'GREEN';
export type CaseStatus = 'OPEN' | 'CLOSED';
/** `UNRATED` matches a case with no rating yet; `*` matches anything. */
export type RuleRag = Rag | 'UNRATED' | '*';
export type Any = '*';

/** Every agency the ISA can name (the schema's list, so document and code cannot drift apart). */
export const POLICY_AGENCIES = schema.$defs.agency.enum as AgencyName[];
export const RAGS: readonly Rag[] = ['RED', 'AMBER', 'GREEN'];

/** An obligation the agency applies when answering, lifted when the named case fact is true. */
export interface ObligationRule {
  obligation: Obligation;
  agencies: (AgencyName | Any)[];
  unlessCase?: 'consentEarlyHelpSharing';
}

/** Case facts beyond RAG and status that must all hold for the rule to match. */
export interface RuleCondition {
  /** True: closed no longer ago than `closedCaseWindowHours`. False: closed longer ago (or no date). */
  closedWithinWindow?: boolean;
  consentEarlyHelpSharing?: boolean;
}

export interface PolicyRule {
  id: string;
  /** The sentence a triage officer reads; placeholders in `REASON_PLACEHOLDERS`. */
  description: string;
  effect: 'ALLOW' | 'DENY';
  agencies: (AgencyName | Any)[];
  roles: (HubRole | Any)[];
  rag: RuleRag[];
  caseStatus: (CaseStatus | Any)[];
  purposes: string[];
  condition?: RuleCondition;
  obligations?: ObligationRule[];
}

export interface PolicyDocument {
  version: string;
  title: string;
  /** YYYY-MM-DD the signatories agreed; activation, not this date, makes a version live. */
  effectiveFrom: string;
  lawfulBases: Partial<Record<AgencyName, string>>;
  timescalesHours: Record<Rag, number>;
  /** Filled with 72 by `validatePolicy` when absent. */
  closedCaseWindowHours: number;
  /** The first is the default purpose. */
  purposes: string[];
  rules: PolicyRule[];
}

export type PolicyValidation = { ok: true; policy: PolicyDocument } | { ok: false; errors: string[] };

/** Rule ids the decision point itself uses; a document may not reuse them. */
export const BUILT_IN_RULES = {
  defaultDeny: 'default-deny',
  purposeNotAllowed: 'purpose-not-allowed',
  noLawfulBasis: 'no-lawful-basis',
  noActivePolicy: 'no-active-policy',
} as const;

export const REASON_PLACEHOLDERS = ['rag', 'status', 'roles', 'agency', 'purpose', 'windowHours'] as const;

// Roles an ALLOW rule may never name: they review access and disclosures, they do not triage
// (UK GDPR Art 5(1)(c), data minimisation: content is not necessary for their work).
const NEVER_SEE_CONTENT: readonly string[] = ['governance', 'agency-admin', '*'];

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, verbose: true });
const validateSchema = ajv.compile(schema);

/** Checks a document against the schema and the rules a schema cannot say; never throws. */
export function validatePolicy(input: unknown): PolicyValidation {
  // Validate a copy: ajv fills defaults in place and the caller's object must stay as given.
  const doc = structuredClone(input);
  if (!validateSchema(doc)) return { ok: false, errors: unique(validateSchema.errors!.map(describeError)) };
  const policy = doc as unknown as PolicyDocument;
  const errors = semanticErrors(policy);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}

function semanticErrors(policy: PolicyDocument): string[] {
  const errors: string[] = [];
  const day = new Date(`${policy.effectiveFrom}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== policy.effectiveFrom) {
    errors.push(`/effectiveFrom "${policy.effectiveFrom}" is not a real calendar date`);
  }
  const firstUse = new Map<string, number>();
  const reserved: string[] = Object.values(BUILT_IN_RULES);
  policy.rules.forEach((rule, i) => {
    const at = `/rules/${i}`;
    if (reserved.includes(rule.id)) errors.push(`${at}/id "${rule.id}" is reserved for the decision point`);
    const seen = firstUse.get(rule.id);
    if (seen !== undefined) errors.push(`${at}/id "${rule.id}" is already used by /rules/${seen}; rule ids must be unique`);
    else firstUse.set(rule.id, i);
    rule.purposes.forEach((purpose, j) => {
      if (purpose !== '*' && !policy.purposes.includes(purpose)) {
        errors.push(`${at}/purposes/${j} "${purpose}" is not one of /purposes (${policy.purposes.join(', ')})`);
      }
    });
    for (const [, name] of rule.description.matchAll(/\{([^}]*)\}/g)) {
      if (!(REASON_PLACEHOLDERS as readonly string[]).includes(name)) {
        errors.push(`${at}/description uses unknown placeholder {${name}}; known: ${REASON_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
      }
    }
    if (rule.effect === 'DENY') {
      if (rule.obligations) errors.push(`${at}/obligations: only an ALLOW rule carries obligations`);
      return;
    }
    rule.rag.forEach((rag, j) => {
      // The ISA threshold is the rating itself: before a case is rated nothing is shared.
      if (rag === 'UNRATED' || rag === '*') errors.push(`${at}/rag/${j}: an ALLOW rule must name RED, AMBER or GREEN; unrated cases are never shared`);
    });
    rule.roles.forEach((role, j) => {
      if (NEVER_SEE_CONTENT.includes(role)) errors.push(`${at}/roles/${j}: an ALLOW rule may not name "${role}"; governance and agency-admin never see agency content`);
    });
    const agencies = rule.agencies.includes('*') ? POLICY_AGENCIES : (rule.agencies as AgencyName[]);
    for (const agency of agencies) {
      // UK GDPR Art 6(1) / DPA 2018 s35: no sharing without a recorded lawful basis.
      if (!policy.lawfulBases[agency]) errors.push(`${at}/agencies allows ${agency}, which has no entry in /lawfulBases`);
    }
  });
  return errors;
}

function describeError(error: ErrorObject): string | null {
  const path = error.instancePath || '(document)';
  // A bad key in a map (e.g. /lawfulBases/fire) arrives as an enum error carrying the key's name.
  if (error.propertyName !== undefined) {
    if (error.keyword !== 'enum') return null;
    return `${error.instancePath}/${error.propertyName} is not a known name here; must be one of ${error.params.allowedValues.join(', ')}`;
  }
  switch (error.keyword) {
    case 'propertyNames':
      return null;
    case 'required':
      return `${error.instancePath}/${error.params.missingProperty} is required`;
    case 'additionalProperties':
      return `${error.instancePath}/${error.params.additionalProperty} is not allowed here`;
    case 'propertyName':
      return `${error.instancePath}/${error.params.propertyName} is not a known name here`;
    case 'enum':
      return `${path} is ${JSON.stringify(error.data)}; must be one of ${error.params.allowedValues.join(', ')}`;
    default:
      return `${path} ${error.message}`;
  }
}

function unique(messages: (string | null)[]): string[] {
  return [...new Set(messages.filter((message): message is string => message !== null))];
}
