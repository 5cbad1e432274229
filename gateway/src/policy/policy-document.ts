import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { ONWARD_PURPOSES, ONWARD_RULES } from './onward-purpose';
import { IANAZone } from 'luxon';
import type { GrantClaims, Obligation, SensitivityLevel } from '@mash/shared';
import type { HubRole } from '../auth/user';
import type { RiskMatrixRules } from '../picture/risk-matrix';
import schema from './policy.schema.json';
import { alertRuleErrors } from '../alerts/rules/validation';

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

/**
 * Separation of duties for opening a case to agency data (ARCHITECTURE.md "The way of one triage
 * query"): one person alone must not be able to open anyone's records.
 */
export interface RatingControl {
  /** Ratings that open a case to agency data. Default RED, AMBER. */
  opensSharing: Rag[];
  /** Roles whose own rating needs no second person. Default mash-manager. */
  confirmedWhenRatedBy: HubRole[];
  /** Whether that holds on a referral the rater recorded too; false: the recorder never opens a case alone. Default true. */
  selfConfirmOwnReferral: boolean;
  /** Roles that may confirm someone else's rating. Default mash-triage, mash-manager. */
  secondPersonRoles: HubRole[];
  /** Ratings that share at once as urgent and raise a review. Default RED. */
  urgent: Rag[];
  /** Roles that confirm or overturn an urgent rating, and may overturn any rating under review. Default mash-manager. */
  reviewerRoles: HubRole[];
}

/** ELAPSED: hours around the clock. WORKING: hours inside the working calendar's working days and hours. */
export type TimescaleClock = 'ELAPSED' | 'WORKING';

export interface Timescale {
  hours: number;
  clock: TimescaleClock;
}

/** A timescale per rating, for a case not rated yet (UNRATED), and per kind (INFORMATION_REQUEST). */
export type TimescaleKey = Rag | 'UNRATED' | 'INFORMATION_REQUEST';
export const TIMESCALE_KEYS: readonly TimescaleKey[] = ['RED', 'AMBER', 'GREEN', 'UNRATED', 'INFORMATION_REQUEST'];

export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** When the hub works, for timescales counted in WORKING hours. */
export interface WorkingCalendar {
  /** IANA time zone the working hours are in. Default Europe/London. */
  timeZone: string;
  /** Default Monday to Friday. */
  workingDays: Weekday[];
  /** HH:MM local time. Default 09:00 and 17:00. */
  dayStarts: string;
  dayEnds: string;
  /** Which published bank holidays are not working days (the hub's data file). Default england-and-wales. */
  bankHolidays: 'england-and-wales' | 'none';
  /** Further days the hub does not work (YYYY-MM-DD), e.g. a local closure. Default none. */
  closedDays: string[];
}

/** A time-limited exception letting other roles see identities in named cases. */
export interface NamedReview {
  id: string;
  description: string;
  roles: HubRole[];
  caseReferences: string[];
  /** YYYY-MM-DD, the last day (inclusive, UTC) the review reads identities. */
  until: string;
}

/** Who reads the case register with identities; every other case reader sees it pseudonymised. */
export interface CaseRegisterAccess {
  /** Default mash-triage, mash-manager. */
  namedRoles: HubRole[];
  /** Default none. */
  namedReviews: NamedReview[];
}

/** Who the hub tells after screening a domestic abuse notification with children present (issue 11). */
export interface NotificationsPolicy {
  /** Operation Encompass: the child's school's DSL, by the start of the next school day. Default true. */
  operationEncompass: boolean;
  /** The child's GP practice as well. Default false. */
  gpOnDomesticAbuse: boolean;
}

/**
 * Which field sensitivities a fetch that a rule allowed may return (issue 12): the union of the
 * entries matching the fetch's roles, rating, purpose and agency. Everything else is withheld per
 * field. No entry may release RESTRICTED (DOMAIN.md 6.2): restricted items go through a named SPOC.
 */
export interface ClassificationAccess {
  id: string;
  description: string;
  roles: (HubRole | Any)[];
  rag: RuleRag[];
  purposes: string[];
  agencies: (AgencyName | Any)[];
  levels: SensitivityLevel[];
}

export type AlertKind =
  | 'RATING_RAISED_THEN_FETCHED'
  | 'URGENT_RATING_UNREVIEWED'
  | 'CONSENT_RECORDED_AND_USED'
  | 'UNUSUAL_VOLUME'
  | 'REPEATED_DENIALS'
  | 'OUT_OF_HOURS'
  | 'UNISSUED_GRANT';

/** One rule the hub raises alerts by, for a governance lead to review; thresholds as its kind needs. */
export interface AlertRule {
  id: string;
  kind: AlertKind;
  description: string;
  enabled: boolean;
  severity: 'HIGH' | 'MEDIUM' | 'LOW';
  windowMinutes?: number;
  afterHours?: number;
  count?: number;
  baselineDays?: number;
  factor?: number;
  minimum?: number;
  exceptRag?: Rag[];
}

export interface AlertsPolicy {
  rules: AlertRule[];
}

export interface PolicyDocument {
  version: string;
  title: string;
  /** YYYY-MM-DD the signatories agreed; activation, not this date, makes a version live. */
  effectiveFrom: string;
  lawfulBases: Partial<Record<AgencyName, string>>;
  /** Elapsed hours per rating; `timescales` overrides them per rating when it names one. */
  timescalesHours: Record<Rag, number>;
  /** Timescales with their clock (since 2026-11-01.4); what it leaves out comes from timescalesHours and the defaults. */
  timescales?: Partial<Record<TimescaleKey, Timescale>>;
  /** Filled with the defaults by `validatePolicy` when absent. */
  workingCalendar: WorkingCalendar;
  /** Days back a referral about the same person is linked as a re-referral. Filled with 28 when absent. */
  reReferralWindowDays: number;
  /** Filled with 72 by `validatePolicy` when absent. */
  closedCaseWindowHours: number;
  /** The first is the default purpose. */
  purposes: string[];
  rules: PolicyRule[];
  /** Filled with the defaults by `validatePolicy` when absent (versions stored before it existed). */
  ratingControl: RatingControl;
  /** Filled with the defaults by `validatePolicy` when absent. */
  caseRegister: CaseRegisterAccess;
  /** The risk matrix's rules; absent: the hub's built-in rules (`DEFAULT_RISK_MATRIX`). */
  riskMatrix?: RiskMatrixRules;
  /** Onward notifications after domestic-abuse screening; absent: Operation Encompass only (`DEFAULT_NOTIFICATIONS`). */
  notifications?: NotificationsPolicy;
  /** Filled by `validatePolicy` when absent: every level but RESTRICTED wherever a rule allows. */
  classificationAccess: ClassificationAccess[];
  /** Alert rules for governance review; absent: the hub's built-in rules. */
  alerts?: AlertsPolicy;
}

export type PolicyValidation = { ok: true; policy: PolicyDocument } | { ok: false; errors: string[] };

/** Rule ids the decision point itself uses; a document may not reuse them. */
export const BUILT_IN_RULES = {
  defaultDeny: 'default-deny',
  purposeNotAllowed: 'purpose-not-allowed',
  noLawfulBasis: 'no-lawful-basis',
  noActivePolicy: 'no-active-policy',
  ratingUnconfirmed: 'rating-unconfirmed',
  ratingOverturned: 'rating-overturned',
  informationRequest: 'information-request-no-agency-data',
  /** A field whose sensitivity no `classificationAccess` entry releases for this fetch. */
  classificationWithheld: 'classification-not-released',
  /** A RESTRICTED field: never released automatically, whatever the policy says. */
  restrictedItem: 'restricted-never-automatic',
  /** A user holding governance or agency-admin: never agency content, whatever else they hold (decided before any rule). */
  neverContentRoles: 'never-content-roles',
  /** A case with no rating: never shared (decided before any rule). */
  unratedNeverShared: 'unrated-never-shared',
} as const;

export const REASON_PLACEHOLDERS = ['rag', 'status', 'roles', 'agency', 'purpose', 'windowHours'] as const;

// Roles an ALLOW rule may never name: they review access and disclosures, they do not triage
// (UK GDPR Art 5(1)(c), data minimisation: content is not necessary for their work).
const NEVER_SEE_CONTENT: readonly string[] = ['governance', 'agency-admin', '*'];
/** The roles that review access; no version may give them content or identities (decide.ts decides so before any rule too). */
export const REVIEWING_ROLES: readonly HubRole[] = ['governance', 'agency-admin'];

/**
 * The longest `closedCaseWindowHours` a version may set: one week. The window exists so the officer
 * can record the decision taken just before closure (the seven golden rules: record every decision
 * with its reasons), not to keep agency data readable as a store; a week covers a weekend and a
 * bank holiday with room to spare. Longer is retention, which the ISA does not provide for
 * (UK GDPR Art 5(1)(e), storage limitation).
 */
export const MAX_CLOSED_CASE_WINDOW_HOURS = 168;

// Compiled at the first validation, not when the module loads: most of what imports this module
// (the hub's case register, clocks and alerts, their unit tests, a CLI refusing its arguments)
// never validates a document, and building the validator costs about 0.2 s of each start.
let compiled: ValidateFunction | undefined;
const schemaValidator = (): ValidateFunction => (compiled ??= new Ajv2020({ allErrors: true, useDefaults: true, verbose: true }).compile(schema));

/** Checks a document against the schema and the rules a schema cannot say; never throws. */
export function validatePolicy(input: unknown): PolicyValidation {
  // Validate a copy: ajv fills defaults in place and the caller's object must stay as given.
  const doc = structuredClone(input);
  const validateSchema = schemaValidator();
  if (!validateSchema(doc)) return { ok: false, errors: unique(validateSchema.errors!.map(describeError)) };
  const policy = doc as unknown as PolicyDocument;
  const errors = [
    ...semanticErrors(policy), ...ratingControlErrors(policy.ratingControl), ...caseRegisterErrors(policy.caseRegister), ...riskMatrixErrors(policy.riskMatrix),
    ...clockErrors(policy), ...classificationErrors(policy.classificationAccess), ...windowErrors(policy), ...alertRuleErrors(policy.alerts),
  ];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}

/**
 * A copy of `input` with the schema's defaults filled and its schema errors, without the semantic
 * checks: to show and compare a stored version that today's rules refuse (it can never be
 * activated or enforced; `validatePolicy` decides that).
 */
export function withSchemaDefaults(input: unknown): { document: unknown; errors: string[] } {
  const doc = structuredClone(input);
  const validateSchema = schemaValidator();
  const ok = validateSchema(doc);
  return { document: doc, errors: ok ? [] : unique(validateSchema.errors!.map(describeError)) };
}

function semanticErrors(policy: PolicyDocument): string[] {
  const errors: string[] = [];
  const day = new Date(`${policy.effectiveFrom}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== policy.effectiveFrom) {
    errors.push(`/effectiveFrom "${policy.effectiveFrom}" is not a real calendar date`);
  }
  const firstUse = new Map<string, number>();
  const reserved: string[] = [...Object.values(BUILT_IN_RULES), ...Object.values(ONWARD_RULES)];
  // The onward-notification purposes are decided by a built-in rule only (onward-purpose.ts): no
  // version may name them, so no policy rule can widen what they open.
  policy.purposes.forEach((purpose, j) => {
    if (ONWARD_PURPOSES.includes(purpose)) errors.push(`/purposes/${j} "${purpose}" is reserved: the gateway decides it with a built-in rule, not policy rules`);
  });
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

function ratingControlErrors(control: RatingControl): string[] {
  const errors: string[] = [];
  control.urgent.forEach((rag, i) => {
    if (!control.opensSharing.includes(rag)) errors.push(`/ratingControl/urgent/${i} "${rag}" is not one of /ratingControl/opensSharing; only a rating that opens sharing can be urgent`);
  });
  const roleLists = ['confirmedWhenRatedBy', 'secondPersonRoles', 'reviewerRoles'] as const;
  for (const list of roleLists) {
    control[list].forEach((role, i) => {
      if (NEVER_SEE_CONTENT.includes(role)) errors.push(`/ratingControl/${list}/${i}: "${role}" may not open cases to agency data; governance and agency-admin review access, they do not grant it`);
    });
  }
  return errors;
}

function caseRegisterErrors(access: CaseRegisterAccess): string[] {
  const errors: string[] = [];
  access.namedRoles.forEach((role, i) => {
    // A named review (time-limited, per case) may include governance; the standing list may not.
    if (REVIEWING_ROLES.includes(role)) errors.push(`/caseRegister/namedRoles/${i}: "${role}" may not see identities in every case; governance and agency-admin review by case reference (a time-limited named review can show identities in named cases)`);
  });
  const seen = new Set<string>();
  access.namedReviews.forEach((review, i) => {
    if (seen.has(review.id)) errors.push(`/caseRegister/namedReviews/${i}/id "${review.id}" is already used; review ids must be unique`);
    seen.add(review.id);
    const day = new Date(`${review.until}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== review.until) {
      errors.push(`/caseRegister/namedReviews/${i}/until "${review.until}" is not a real calendar date`);
    }
  });
  return errors;
}

function classificationErrors(entries: ClassificationAccess[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const at = `/classificationAccess/${i}`;
    const first = seen.get(entry.id);
    if (first !== undefined) errors.push(`${at}/id "${entry.id}" is already used by /classificationAccess/${first}; entry ids must be unique`);
    else seen.set(entry.id, i);
    entry.roles.forEach((role, j) => {
      if ((REVIEWING_ROLES as readonly string[]).includes(role)) errors.push(`${at}/roles/${j}: an entry may not name "${role}"; governance and agency-admin never see agency content`);
    });
    entry.rag.forEach((rag, j) => {
      if (rag === 'UNRATED') errors.push(`${at}/rag/${j}: an entry may not name UNRATED; unrated cases are never shared`);
    });
    entry.levels.forEach((level, j) => {
      // DOMAIN.md 6.2: restricted items go through the agency's named single point of contact.
      if (level === 'RESTRICTED') errors.push(`${at}/levels/${j}: RESTRICTED is never released by policy; restricted items go through the agency's single point of contact`);
    });
  });
  return errors;
}

function windowErrors(policy: PolicyDocument): string[] {
  if (policy.closedCaseWindowHours <= MAX_CLOSED_CASE_WINDOW_HOURS) return [];
  return [
    `/closedCaseWindowHours ${policy.closedCaseWindowHours} is above the cap of ${MAX_CLOSED_CASE_WINDOW_HOURS} hours (one week): ` +
      'the window after closure is for recording the decision, not for keeping agency data readable',
  ];
}

function clockErrors(policy: PolicyDocument): string[] {
  const errors: string[] = [];
  // A RED case runs to completion out of hours (DOMAIN.md 5.2): its clock never stops.
  if (policy.timescales?.RED?.clock === 'WORKING') errors.push('/timescales/RED/clock must be ELAPSED: a RED case is worked around the clock');
  const calendar = policy.workingCalendar;
  if (!IANAZone.isValidZone(calendar.timeZone)) errors.push(`/workingCalendar/timeZone "${calendar.timeZone}" is not a time zone (use an IANA name, e.g. Europe/London)`);
  if (calendar.dayStarts >= calendar.dayEnds) errors.push(`/workingCalendar/dayEnds ${calendar.dayEnds} must be later than /workingCalendar/dayStarts ${calendar.dayStarts}`);
  calendar.closedDays.forEach((day, i) => {
    const date = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) errors.push(`/workingCalendar/closedDays/${i} "${day}" is not a real calendar date`);
  });
  return errors;
}

function riskMatrixErrors(matrix: RiskMatrixRules | undefined): string[] {
  const seen = new Map<string, number>();
  return (matrix?.areas ?? []).flatMap((area, i) => {
    const first = seen.get(area.area);
    if (first === undefined) seen.set(area.area, i);
    return first === undefined ? [] : [`/riskMatrix/areas/${i}/area "${area.area}" is already defined by /riskMatrix/areas/${first}; one row per area`];
  });
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
