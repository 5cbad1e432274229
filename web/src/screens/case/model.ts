import type { ApiError } from '../../api/client';
import type { Agency, CaseViewQuery, FlagSeverity } from '../../gql/graphql';

export type CaseData = NonNullable<CaseViewQuery['case']>;
export type SubjectData = NonNullable<CaseData['subjects']>[number];
export type AgencyView = NonNullable<SubjectData[Agency]>;
export type FlagData = NonNullable<AgencyView['flags']>[number];

/** The four agencies in the contract's order: the Subject field, the name users read, the name errors carry. */
export const AGENCIES: { field: Agency; name: string; wire: string }[] = [
  { field: 'police', name: 'Police', wire: 'police' },
  { field: 'socialCare', name: 'Social care', wire: 'social-care' },
  { field: 'health', name: 'Health', wire: 'health' },
  { field: 'education', name: 'Education', wire: 'education' },
];

export function agencyName(field: Agency | string): string {
  return AGENCIES.find((agency) => agency.field === field || agency.wire === field)?.name ?? field;
}

const SEVERITY_ORDER: Record<string, number> = { RED: 0, HIGH: 0, AMBER: 1, MEDIUM: 1, GREEN: 2, LOW: 2, NONE_KNOWN: 3 };

/** Most severe first; the API already orders most lists so, this keeps merged lists the same way. */
export function bySeverity<T extends { severity: FlagSeverity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** A person's name as recorded, given name first ("Name not recorded" when there is neither). */
export function fullName(person: { givenName?: string | null; familyName?: string | null }): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ') || 'Name not recorded';
}

/**
 * One agency's answer about one subject, as one state: what the officer can rely on, and why
 * there is nothing when there is nothing ("not known" is a finding; "not shared" a rule; "did not
 * answer" a failure to try again).
 */
export type AgencyAnswer =
  | { state: 'KNOWN' | 'NOT_KNOWN' | 'AMBIGUOUS'; view: AgencyView; withheld: ApiError[] }
  | { state: 'DENIED'; reason: string; rule: string | null }
  | { state: 'UNAVAILABLE'; reason: string };

const DENIAL_CODES = ['ISA_DENIED', 'FORBIDDEN'];

/**
 * The errors about one agency's field of the subject at `index`: those at or under the field's
 * path, and those the gateway puts on the subject itself naming the agency (extensions.agency).
 */
export function agencyErrors(errors: ApiError[], index: number, agency: (typeof AGENCIES)[number]): ApiError[] {
  return errors.filter((error) => {
    const path = error.path ?? [];
    if (path[0] !== 'case' || path[1] !== 'subjects' || path[2] !== index) return false;
    return path[3] === agency.field || (path.length === 3 && error.extensions?.agency === agency.wire);
  });
}

export function answerOf(subject: SubjectData, index: number, agency: (typeof AGENCIES)[number], errors: ApiError[]): AgencyAnswer {
  const about = agencyErrors(errors, index, agency);
  const view = subject[agency.field];
  if (view) {
    const state = view.status === 'MATCHED' ? 'KNOWN' : view.status;
    return { state, view, withheld: about.filter((error) => DENIAL_CODES.includes(error.extensions?.code ?? '')) };
  }
  const denial = about.find((error) => DENIAL_CODES.includes(error.extensions?.code ?? ''));
  if (denial) return { state: 'DENIED', reason: denial.message, rule: typeof denial.extensions?.rule === 'string' ? denial.extensions.rule : null };
  return { state: 'UNAVAILABLE', reason: about[0]?.message ?? `${agencyName(agency.field)} gave no answer.` };
}
