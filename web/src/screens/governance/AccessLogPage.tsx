import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { request } from '../../api/client';
import { ErrorSummary, Loading, Select, TextInput, type Option } from '../../components/govuk';
import { formatDateTime, humanise } from '../../components/format';
import { graphql } from '../../gql';
import type { AuditDecision, AuditKind, GovernanceAccessReviewQuery } from '../../gql/graphql';
import { ConsolePart } from './GovernancePage';
import { AGENCY_LABELS } from './MatrixPage';
import { CursorPagination, DecisionTag, Id, inputProblems, isBadInput, QueryFailure, useCursorPaging, type FieldName } from './shared';

// Ids, codes and case references only: the access log holds no names, and none is asked for.
const REVIEW = graphql(`
  query GovernanceAccessReview(
    $userId: String, $case: String, $subjectId: ID, $agency: String, $decision: AuditDecision, $rule: String,
    $kind: AuditKind, $from: String, $to: String, $first: Int!, $after: String
  ) {
    accessReview(
      userId: $userId, case: $case, subjectId: $subjectId, agency: $agency, decision: $decision, rule: $rule,
      kind: $kind, from: $from, to: $to, first: $first, after: $after
    ) {
      edges {
        cursor caseReference
        node { id seq recordedAt kind actorId actorRoles agency decision rule reason policyVersion subjectIds }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type Edge = GovernanceAccessReviewQuery['accessReview']['edges'][number];

const PAGE_SIZE = 25;
const ANY = { value: '', label: 'Any' };
const KINDS: AuditKind[] = ['AGENCY_FETCH', 'CASE_READ', 'CASE_MUTATION', 'POLICY_CHANGE', 'AUDIT_READ', 'ALERT_REVIEW', 'REQUEST_REFUSED'];
const DECISIONS: AuditDecision[] = ['ALLOWED', 'DENIED', 'RECORDED'];

interface Filter extends FieldName {
  /** The accessReview argument, also the query-string key. */
  name: string;
  hint?: string;
  options?: Option[];
}

const FILTERS: Filter[] = [
  { name: 'userId', id: 'log-user', label: 'User id', hint: 'As the token names them, for example triage-7' },
  { name: 'case', id: 'log-case', label: 'Case', hint: 'Its reference (MASH-2026-000123) or id' },
  { name: 'decision', id: 'log-decision', label: 'Decision', options: [ANY, ...DECISIONS.map((value) => ({ value, label: humanise(value) }))] },
  { name: 'kind', id: 'log-kind', label: 'Kind', options: [ANY, ...KINDS.map((value) => ({ value, label: humanise(value) }))] },
  { name: 'agency', id: 'log-agency', label: 'Agency', options: [ANY, ...Object.entries(AGENCY_LABELS).map(([value, label]) => ({ value, label }))] },
  { name: 'rule', id: 'log-rule', label: 'Rule', hint: 'A policy rule id, for example green-no-agency-data' },
  { name: 'subjectId', id: 'log-subject', label: 'Subject id', hint: "The hub's id of the person (a UUID)" },
  { name: 'from', id: 'log-from', label: 'From', hint: 'A date (2026-06-01) or a time (2026-06-01T09:00:00Z), included' },
  { name: 'to', id: 'log-to', label: 'To', hint: 'Written like From, not included' },
];

const BY_NAME = Object.fromEntries(FILTERS.map((filter) => [filter.name, filter]));

function FilterForm({ applied, errors, onApply }: { applied: Record<string, string>; errors: Record<string, string>; onApply: (values: Record<string, string>) => void }) {
  const [values, setValues] = useState(applied);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="app-gov-filters">
        {FILTERS.map((filter) => {
          const props = { id: filter.id, label: filter.label, hint: filter.hint, error: errors[filter.name], value: values[filter.name] ?? '', onChange: (value: string) => setValues({ ...values, [filter.name]: value }) };
          return filter.options ? <Select key={filter.name} {...props} options={filter.options} /> : <TextInput key={filter.name} {...props} />;
        })}
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">Apply filters</button>
        <Link className="govuk-link" to="/governance/access-log">Clear filters</Link>
      </div>
    </form>
  );
}

function EntryRow({ edge }: { edge: Edge }) {
  const entry = edge.node;
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        {formatDateTime(entry.recordedAt)}
        <span className="app-gov-secondary">Entry {entry.seq}</span>
      </td>
      <td className="govuk-table__cell">
        {entry.actorId ? <Id>{entry.actorId}</Id> : 'The hub itself'}
        {entry.actorRoles.length > 0 ? <span className="app-gov-secondary">{entry.actorRoles.join(', ')}</span> : null}
      </td>
      <td className="govuk-table__cell">
        {humanise(entry.kind)}
        {entry.reason ? <span className="app-gov-secondary">{entry.reason}</span> : null}
      </td>
      <td className="govuk-table__cell"><DecisionTag decision={entry.decision} /></td>
      <td className="govuk-table__cell">
        {entry.rule ? <Id>{entry.rule}</Id> : '—'}
        {entry.policyVersion ? <span className="app-gov-secondary">Version {entry.policyVersion}</span> : null}
      </td>
      <td className="govuk-table__cell">{edge.caseReference ?? '—'}</td>
      <td className="govuk-table__cell">{entry.agency ? AGENCY_LABELS[entry.agency] ?? entry.agency : '—'}</td>
      <td className="govuk-table__cell">
        {entry.subjectIds.length === 0 ? '—' : <ul className="govuk-list govuk-!-margin-bottom-0">{entry.subjectIds.map((id) => <li key={id}><Id>{id}</Id></li>)}</ul>}
      </td>
    </tr>
  );
}

const COLUMNS = [['Time', 'time'], ['User', 'user'], ['Kind', 'kind'], ['Decision', 'decision'], ['Rule', 'rule'], ['Case', 'case'], ['Agency', 'agency'], ['Subject ids', 'subjects']] as const;

function EntryTable({ edges, pageNumber }: { edges: Edge[]; pageNumber: number }) {
  return (
    <table className="govuk-table app-gov-log">
      <caption className="govuk-table__caption govuk-table__caption--m">Entries, newest first (page {pageNumber})</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {COLUMNS.map(([title, name]) => <th scope="col" className={`govuk-table__header app-gov-col-${name}`} key={name}>{title}</th>)}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {edges.map((edge) => <EntryRow key={edge.node.id} edge={edge} />)}
      </tbody>
    </table>
  );
}

/** The access log filtered by user, case, decision, kind, agency, rule, subject and period, a page at a time. */
export function AccessLogPage() {
  const [params, setParams] = useSearchParams();
  const { after, pageNumber } = useCursorPaging();
  const applied = Object.fromEntries(FILTERS.map((filter) => [filter.name, params.get(filter.name) ?? '']));
  const variables = Object.fromEntries(Object.entries(applied).map(([name, value]) => [name, value.trim() === '' ? null : value.trim()]));
  const log = useQuery({
    queryKey: ['governance', 'access-log', variables, after],
    queryFn: () => request(REVIEW, { ...variables, decision: variables.decision as AuditDecision | null, kind: variables.kind as AuditKind | null, first: PAGE_SIZE, after }),
  });
  const problems = inputProblems(log.error, BY_NAME, FILTERS[0].id);
  const apply = (values: Record<string, string>) => setParams(Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '')));
  const page = log.data?.data?.accessReview;

  return (
    <ConsolePart title="Access log" hasErrors={problems.summary.length > 0}>
      <p className="govuk-body">Every look at agency data, every change to a case or to the agreement, and every read of this log, newest first. Reading it is itself recorded here.</p>
      <ErrorSummary errors={problems.summary} />
      <FilterForm key={FILTERS.map((filter) => applied[filter.name]).join('\u0000')} applied={applied} errors={problems.at} onApply={apply} />
      {log.isPending ? <Loading what="the access log" /> : null}
      {log.isError && !isBadInput(log.error) ? <QueryFailure error={log.error} retry={() => log.refetch()} /> : null}
      {page && page.edges.length === 0 ? <p className="govuk-body">No entries match these filters.</p> : null}
      {page && page.edges.length > 0 ? <EntryTable edges={page.edges} pageNumber={pageNumber} /> : null}
      {page ? <CursorPagination endCursor={page.pageInfo.endCursor} hasNextPage={page.pageInfo.hasNextPage} what="entries" /> : null}
    </ConsolePart>
  );
}
