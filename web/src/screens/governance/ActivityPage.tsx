import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { request } from '../../api/client';
import { ErrorSummary, Loading, Select, TextInput } from '../../components/govuk';
import { formatDate, formatDateTime, humanise } from '../../components/format';
import { graphql } from '../../gql';
import type { ActivityOrder, GovernanceUserActivityQuery } from '../../gql/graphql';
import { ConsolePart } from './GovernancePage';
import { AGENCY_LABELS } from './MatrixPage';
import { Id, inputProblems, isBadInput, QueryFailure, type FieldName } from './shared';

const ACTIVITY = graphql(`
  query GovernanceUserActivity($from: String!, $to: String!, $userId: String, $orderBy: ActivityOrder!) {
    userActivity(from: $from, to: $to, userId: $userId, orderBy: $orderBy) {
      from to workingCalendar policyVersion orderBy moreUsers
      users {
        userId roles organisations accesses agencyFetchesAllowed agencyFetchesDenied caseReads cases subjects
        byAgency { agency allowed denied }
        denialsByRule { rule count }
        firstAccess lastAccess outsideWorkingHours
        busiestDay { date accesses }
      }
    }
  }
`);

type Report = GovernanceUserActivityQuery['userActivity'];
type Activity = Report['users'][number];

const ORDERS: { value: ActivityOrder; label: string }[] = [
  { value: 'ACCESSES', label: 'All accesses' },
  { value: 'AGENCY_FETCHES', label: 'Agency fetches' },
  { value: 'DENIED_FETCHES', label: 'Agency fetches denied' },
  { value: 'OUTSIDE_WORKING_HOURS', label: 'Accesses outside working hours' },
  { value: 'CASES', label: 'Cases' },
  { value: 'SUBJECTS', label: 'People' },
];

const FIELDS: Record<string, FieldName & { hint?: string }> = {
  from: { id: 'activity-from', label: 'From', hint: 'A date (2026-06-01, from midnight in the working calendar) or a time with its offset (2026-06-01T09:00:00Z), included' },
  to: { id: 'activity-to', label: 'To', hint: 'Written like From, not included: to 2026-07-01 from 2026-06-01 covers June. At most two years after From' },
  userId: { id: 'activity-user', label: 'User id (optional)', hint: 'Only this user, for example triage-7' },
  orderBy: { id: 'activity-order', label: 'Largest first by' },
};

const isoDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The last seven days, today included, when the address names no period. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date();
  return { from: isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)), to: isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)) };
}

type Values = { from: string; to: string; userId: string; orderBy: string };

function PeriodForm({ applied, errors, onApply }: { applied: Values; errors: Record<string, string>; onApply: (values: Values) => void }) {
  const [values, setValues] = useState(applied);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const text = (name: 'from' | 'to' | 'userId') => (
    <TextInput id={FIELDS[name].id} label={FIELDS[name].label} hint={FIELDS[name].hint} error={errors[name]} value={values[name]} onChange={(value) => setValues({ ...values, [name]: value })} spellCheck={false} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <div className="app-gov-filters">
        {text('from')}
        {text('to')}
        {text('userId')}
        <Select id={FIELDS.orderBy.id} label={FIELDS.orderBy.label} error={errors.orderBy} value={values.orderBy} onChange={(value) => setValues({ ...values, orderBy: value })} options={ORDERS} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">Show activity</button>
    </form>
  );
}

/** The access log for one user over the report's period (the access log's own filters, in its address). */
function accessLogFor(user: string, report: Report): string {
  return `/governance/access-log?${new URLSearchParams({ userId: user, from: report.from, to: report.to })}`;
}

const NUMBERS = [
  ['Accesses', (user: Activity) => user.accesses],
  ['Agency fetches allowed', (user: Activity) => user.agencyFetchesAllowed],
  ['Agency fetches denied', (user: Activity) => user.agencyFetchesDenied],
  ['Case reads', (user: Activity) => user.caseReads],
  ['Cases', (user: Activity) => user.cases],
  ['People', (user: Activity) => user.subjects],
  ['Outside working hours', (user: Activity) => user.outsideWorkingHours],
] as const;

function ActivityTable({ report }: { report: Report }) {
  const order = ORDERS.find((item) => item.value === report.orderBy)?.label.toLowerCase() ?? humanise(report.orderBy);
  return (
    <table className="govuk-table app-gov-activity">
      <caption className="govuk-table__caption govuk-table__caption--m">Activity by user, largest first by {order}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">User</th>
          {NUMBERS.map(([title]) => <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={title}>{title}</th>)}
          <th scope="col" className="govuk-table__header">Busiest day</th>
          <th scope="col" className="govuk-table__header">First and last access</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {report.users.map((user) => (
          <tr className="govuk-table__row" key={user.userId}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={accessLogFor(user.userId, report)}>
                <Id>{user.userId}</Id>
                <span className="govuk-visually-hidden">: their entries in the access log for this period</span>
              </Link>
              {user.roles.length > 0 ? <span className="app-gov-secondary">{user.roles.join(', ')}</span> : null}
              {user.organisations.length > 0 ? <span className="app-gov-secondary">{user.organisations.join(', ')}</span> : null}
            </th>
            {NUMBERS.map(([title, value]) => <td className="govuk-table__cell govuk-table__cell--numeric" key={title}>{value(user)}</td>)}
            <td className="govuk-table__cell">
              {formatDate(user.busiestDay.date)}
              <span className="app-gov-secondary">{user.busiestDay.accesses} {user.busiestDay.accesses === 1 ? 'access' : 'accesses'}</span>
            </td>
            <td className="govuk-table__cell">
              {formatDateTime(user.firstAccess)}
              <span className="app-gov-secondary">to {formatDateTime(user.lastAccess)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One user's agency fetches per agency and denials per rule, folded away under the main table. */
function UserDetails({ user }: { user: Activity }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Per agency and denials by rule: {user.userId}</span>
      </summary>
      <div className="govuk-details__text">
        {user.byAgency.length === 0 ? (
          <p className="govuk-body">No agency fetches in the period.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Agency fetches by {user.userId}, per agency</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Agency</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Allowed</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Denied</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {user.byAgency.map((row) => (
                <tr className="govuk-table__row" key={row.agency}>
                  <th scope="row" className="govuk-table__header">{AGENCY_LABELS[row.agency] ?? row.agency}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.allowed}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.denied}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {user.denialsByRule.length === 0 ? (
          <p className="govuk-body">No fetch denied.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Fetches by {user.userId} denied, per rule</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Rule</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Denied</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {user.denialsByRule.map((row) => (
                <tr className="govuk-table__row" key={row.rule}>
                  <th scope="row" className="govuk-table__header"><Id>{row.rule}</Id></th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </details>
  );
}

function ReportView({ report }: { report: Report }) {
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Period</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(report.from)} to {formatDateTime(report.to)} (not included)</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Working calendar</dt>
          <dd className="govuk-summary-list__value">
            {report.workingCalendar}
            <span className="app-gov-secondary">{report.policyVersion ? `From version ${report.policyVersion} of the agreement` : 'The built-in calendar: no valid version is in force'}</span>
          </dd>
        </div>
      </dl>
      {report.users.length === 0 ? <p className="govuk-body">Nobody accessed anyone's data in this period.</p> : null}
      {report.users.length > 0 ? <ActivityTable report={report} /> : null}
      {report.moreUsers ? <p className="govuk-inset-text">More users accessed data in this period than one answer lists: narrow the period or look at one user.</p> : null}
      {report.users.map((user) => <UserDetails key={user.userId} user={user} />)}
    </>
  );
}

/** Each user's access to personal data over a period (userActivity), kept in the address; every user links to their access log. */
export function ActivityPage() {
  const [params, setParams] = useSearchParams();
  const [fallback] = useState(defaultPeriod);
  const applied: Values = {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    userId: params.get('userId') ?? '',
    orderBy: ORDERS.find((item) => item.value === params.get('orderBy'))?.value ?? 'ACCESSES',
  };
  const variables = { from: applied.from.trim(), to: applied.to.trim(), userId: applied.userId.trim() || null, orderBy: applied.orderBy as ActivityOrder };
  const activity = useQuery({ queryKey: ['governance', 'activity', variables], queryFn: () => request(ACTIVITY, variables) });
  const problems = inputProblems(activity.error, FIELDS, FIELDS.from.id);
  const apply = (values: Values) => setParams(Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '')));
  const report = activity.data?.data?.userActivity;

  return (
    <ConsolePart title="User activity" hasErrors={problems.summary.length > 0}>
      <p className="govuk-body">
        Each user's access to personal data over a period: agency fetches allowed and denied, reads of the hub's case records, the cases and people concerned, and accesses
        outside working hours. Reading this is itself recorded in the access log.
      </p>
      <ErrorSummary errors={problems.summary} />
      <PeriodForm key={Object.values(applied).join('\u0000')} applied={applied} errors={problems.at} onApply={apply} />
      {activity.isPending ? <Loading what="the activity" /> : null}
      {activity.isError && !isBadInput(activity.error) ? <QueryFailure error={activity.error} retry={() => activity.refetch()} /> : null}
      {report ? <ReportView report={report} /> : null}
    </ConsolePart>
  );
}
