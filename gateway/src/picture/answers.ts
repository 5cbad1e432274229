import type { GatewayContext } from '../context';
import { AGENCY_FIELDS, type AgencyField } from './sdl';

export type Severity = 'RED' | 'AMBER' | 'GREEN';
export type PictureState = 'KNOWN' | 'NOT_KNOWN' | 'AMBIGUOUS' | 'DENIED' | 'UNAVAILABLE';

export interface FlagFact {
  code: string;
  severity: Severity;
  summary: string;
  date?: string | null;
}

/** One agency's answer about one subject, as the planner hands it to this subgraph (null: no answer). */
export interface ViewFacts {
  status: 'MATCHED' | 'AMBIGUOUS' | 'NOT_KNOWN';
  ambiguity?: string | null;
  /** Null when the sharing agreement withholds the agency's flags (field classification). */
  flags: FlagFact[] | null;
  matches: { candidate: { recordId: string; postcode?: string | null } }[];
}

export interface SubjectFacts {
  id: string;
  householdRole: string;
  dateOfBirth?: string | null;
  nhsNumber?: string | null;
  postcode?: string | null;
  police?: ViewFacts | null;
  socialCare?: ViewFacts | null;
  health?: ViewFacts | null;
  education?: ViewFacts | null;
}

/** Why an agency gave no answer for a subject in this request, as the agency data source saw it. */
export interface AgencyOutcome {
  state: 'DENIED' | 'UNAVAILABLE';
  /** The error code: ISA_DENIED, AGENCY_UNAVAILABLE, BAD_USER_INPUT. */
  code: string;
}

export const outcomeKey = (agency: AgencyField, subjectId: string): string => `${agency}:${subjectId}`;

/** Records an agency's missing answer for the case picture (agency data source). */
export function recordOutcome(context: GatewayContext, agency: AgencyField, subjectIds: readonly string[], outcome: AgencyOutcome): void {
  context.agencyOutcomes ??= new Map();
  for (const id of subjectIds) context.agencyOutcomes.set(outcomeKey(agency, id), outcome);
}

/** One agency's answer about one subject, as one state. */
export interface AgencyAnswer {
  agency: AgencyField;
  state: PictureState;
  view: ViewFacts | null;
  ambiguity: string | null;
  recordId: string | null;
  postcode: string | null;
  reason: string | null;
}

export function answerOf(subject: SubjectFacts, agency: AgencyField, context: GatewayContext): AgencyAnswer {
  const view = subject[agency] ?? null;
  if (!view) {
    // No answer and no recorded reason: the planner got nothing back, which is the agency failing.
    const outcome = context.agencyOutcomes?.get(outcomeKey(agency, subject.id)) ?? { state: 'UNAVAILABLE', code: 'AGENCY_UNAVAILABLE' };
    return { agency, state: outcome.state, view: null, ambiguity: null, recordId: null, postcode: null, reason: outcome.code };
  }
  const state: PictureState = view.status === 'MATCHED' ? 'KNOWN' : view.status;
  const match = state === 'KNOWN' ? view.matches?.[0]?.candidate : undefined;
  return { agency, state, view, ambiguity: view.ambiguity ?? null, recordId: match?.recordId ?? null, postcode: match?.postcode ?? null, reason: null };
}

export function answersOf(subject: SubjectFacts, context: GatewayContext): Record<AgencyField, AgencyAnswer> {
  return Object.fromEntries(AGENCY_FIELDS.map((agency) => [agency, answerOf(subject, agency, context)])) as Record<AgencyField, AgencyAnswer>;
}

/** Flags of an answer that was given (KNOWN or NOT_KNOWN: an AMBIGUOUS answer's flags only say "confirm identity"). */
export function flagsOf(answer: AgencyAnswer): FlagFact[] {
  return answer.state === 'KNOWN' || answer.state === 'NOT_KNOWN' ? (answer.view?.flags ?? []) : [];
}

export const SEVERITY_ORDER: Record<Severity, number> = { RED: 0, AMBER: 1, GREEN: 2 };
