import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { request } from '../../api/client';
import { ErrorSummary, Loading, Select, SuccessBanner, Textarea, type ErrorItem } from '../../components/govuk';
import { formatDateTime, humanise } from '../../components/format';
import { graphql } from '../../gql';
import type { GovernanceAlertKind, GovernanceAlertStatus, GovernanceAlertsQuery, GovernanceScanAlertsMutation } from '../../gql/graphql';
import { ConsolePart } from './GovernancePage';
import { AGENCY_LABELS } from './MatrixPage';
import { CursorPagination, Id, inputProblems, isBadInput, QueryFailure, StatusTag, useCursorPaging } from './shared';

const ALERTS = graphql(`
  query GovernanceAlerts($status: GovernanceAlertStatus, $kind: GovernanceAlertKind, $first: Int!, $after: String) {
    governanceAlerts(status: $status, kind: $kind, first: $first, after: $after) {
      totalCount hasNextPage endCursor
      alerts {
        id ruleId kind severity userId caseId agency from to summary policyVersion raisedAt
        status acknowledgedBy acknowledgedAt note
      }
    }
  }
`);

const ACKNOWLEDGE = graphql(`
  mutation GovernanceAcknowledgeAlert($id: ID!, $note: String!) {
    acknowledgeGovernanceAlert(id: $id, note: $note) { id status acknowledgedBy acknowledgedAt note }
  }
`);

const SCAN = graphql(`
  mutation GovernanceScanAlerts {
    scanGovernanceAlerts { ran raised entriesScanned disclosuresScanned accessLogSeq policyVersion notes scannedAt }
  }
`);

type Alert = GovernanceAlertsQuery['governanceAlerts']['alerts'][number];
type Scan = GovernanceScanAlertsMutation['scanGovernanceAlerts'];

const PAGE_SIZE = 20;
const STATUSES = [
  { value: 'OPEN', label: 'Open' },
  { value: 'ACKNOWLEDGED', label: 'Acknowledged' },
  { value: 'ALL', label: 'All' },
];
const KINDS: GovernanceAlertKind[] = [
  'RATING_RAISED_THEN_FETCHED', 'URGENT_RATING_UNREVIEWED', 'CONSENT_RECORDED_AND_USED', 'UNUSUAL_VOLUME', 'REPEATED_DENIALS', 'OUT_OF_HOURS', 'UNISSUED_GRANT',
];
const SEVERITY_COLOURS: Record<string, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'grey' };

const noteId = (alert: Alert) => `note-${alert.id}`;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The note form under one alert: the API decides what a valid note is, and its answer shows at the field. */
function AcknowledgeForm({ alert, error, saving, onSave, onCancel }: { alert: Alert; error?: string; saving: boolean; onSave: (note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector('textarea')?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(note);
  };
  return (
    <form ref={ref} onSubmit={submit} noValidate className="govuk-!-margin-top-4">
      <Textarea
        id={noteId(alert)}
        label="Your note"
        hint="What you found and what, if anything, was done. Kept with the alert, with your user id and the time."
        value={note}
        onChange={setNote}
        error={error}
        rows={4}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={saving} aria-disabled={saving}>Save acknowledgement</button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function AlertCard({ alert, children, onAcknowledge }: { alert: Alert; children: ReactNode; onAcknowledge: (() => void) | null }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {humanise(alert.kind)}{' '}
          <strong className={`govuk-tag govuk-tag--${SEVERITY_COLOURS[alert.severity] ?? 'grey'}`}>{humanise(alert.severity)} severity</strong>{' '}
          <StatusTag status={alert.status} />
        </h3>
        {onAcknowledge ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <button type="button" className="govuk-link app-gov-link-button" onClick={onAcknowledge}>
                Acknowledge<span className="govuk-visually-hidden"> the {humanise(alert.kind).toLowerCase()} alert raised {formatDateTime(alert.raisedAt)}</span>
              </button>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row label="What happened">{alert.summary}</Row>
          <Row label="Raised">{formatDateTime(alert.raisedAt)}</Row>
          <Row label="Period">{formatDateTime(alert.from)} to {formatDateTime(alert.to)}</Row>
          <Row label="User">{alert.userId ? <Id>{alert.userId}</Id> : '—'}</Row>
          <Row label="Case">{alert.caseId ? <Id>{alert.caseId}</Id> : 'More than one case, or none'}</Row>
          <Row label="Agency">{alert.agency ? AGENCY_LABELS[alert.agency] ?? alert.agency : '—'}</Row>
          <Row label="Rule"><Id>{alert.ruleId}</Id>{alert.policyVersion ? <span className="app-gov-secondary">Version {alert.policyVersion}</span> : null}</Row>
          {alert.status === 'ACKNOWLEDGED' ? (
            <Row label="Acknowledged">
              {formatDateTime(alert.acknowledgedAt)} by <Id>{alert.acknowledgedBy}</Id>
              <span className="app-gov-secondary">{alert.note}</span>
            </Row>
          ) : null}
        </dl>
        {children}
      </div>
    </div>
  );
}

function ScanResult({ scan }: { scan: Scan }) {
  return (
    <SuccessBanner title={scan.ran ? `Scan complete: ${scan.raised} new alert${scan.raised === 1 ? '' : 's'}` : 'Another gateway was scanning at the same moment'}>
      <p className="govuk-body">
        {scan.entriesScanned} access-log entries and {scan.disclosuresScanned} disclosure-log entries read since the previous scan, up to entry {scan.accessLogSeq}
        {scan.policyVersion ? `, under version ${scan.policyVersion}'s alert rules` : ", under the built-in alert rules (no version in force)"}.
      </p>
      {scan.notes.length > 0 ? <ul className="govuk-list govuk-list--bullet">{scan.notes.map((note) => <li key={note}>{note}</li>)}</ul> : null}
    </SuccessBanner>
  );
}

/** Alerts raised for review: filter by status and kind, scan now, acknowledge each with a note. */
export function AlertsPage() {
  const [params, setParams] = useSearchParams();
  const { after } = useCursorPaging();
  const status = STATUSES.find((item) => item.value === params.get('status'))?.value ?? 'OPEN';
  const kind = KINDS.find((item) => item === params.get('kind')) ?? null;
  const [filters, setFilters] = useState<{ status: string; kind: string } | null>(null);
  const shownFilters = filters ?? { status, kind: kind ?? '' };
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const alerts = useQuery({
    queryKey: ['governance', 'alerts', status, kind, after],
    queryFn: () => request(ALERTS, { status: status === 'ALL' ? null : (status as GovernanceAlertStatus), kind, first: PAGE_SIZE, after }),
  });
  const acknowledge = useMutation({
    mutationFn: (variables: { id: string; note: string }) => request(ACKNOWLEDGE, variables),
    onSuccess: () => {
      setDone(open);
      setOpen(null);
      return queryClient.invalidateQueries({ queryKey: ['governance', 'alerts'] });
    },
  });
  const scan = useMutation({
    mutationFn: () => request(SCAN),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['governance', 'alerts'] }),
  });

  const openAlert = alerts.data?.data?.governanceAlerts.alerts.find((alert) => alert.id === open);
  const noteProblems = openAlert ? inputProblems(acknowledge.error, { note: { id: noteId(openAlert), label: 'Your note' } }, noteId(openAlert)) : { at: {}, summary: [] as ErrorItem[] };
  const page = alerts.data?.data?.governanceAlerts;

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(shownFilters).filter(([, value]) => value !== '')));
    setFilters(null);
  };
  const start = (alert: Alert) => {
    acknowledge.reset();
    setDone(null);
    setOpen(alert.id);
  };

  return (
    <ConsolePart title="Governance alerts" hasErrors={noteProblems.summary.length > 0}>
      <ErrorSummary errors={noteProblems.summary} />
      {done ? <SuccessBanner title="Alert acknowledged"><p className="govuk-body">Your note is kept with the alert, with your user id and the time.</p></SuccessBanner> : null}
      {scan.data?.data ? <ScanResult scan={scan.data.data.scanGovernanceAlerts} /> : null}
      {scan.isError ? <QueryFailure error={scan.error} retry={() => scan.mutate()} /> : null}
      {acknowledge.isError && !isBadInput(acknowledge.error) ? <QueryFailure error={acknowledge.error} retry={() => acknowledge.reset()} /> : null}
      <p className="govuk-body">The agreement's alert rules look through the access log for patterns worth a look. The hub scans on its own every few minutes; you can scan now.</p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => scan.mutate()} disabled={scan.isPending} aria-disabled={scan.isPending}>
        {scan.isPending ? 'Scanning…' : 'Scan now'}
      </button>
      <form onSubmit={filter} noValidate>
        <div className="app-gov-filters">
          <Select id="alerts-status" label="Status" value={shownFilters.status} onChange={(value) => setFilters({ ...shownFilters, status: value })} options={STATUSES} />
          <Select
            id="alerts-kind"
            label="Kind"
            value={shownFilters.kind}
            onChange={(value) => setFilters({ ...shownFilters, kind: value })}
            options={[{ value: '', label: 'Any' }, ...KINDS.map((value) => ({ value, label: humanise(value) }))]}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">Apply filters</button>
      </form>
      {alerts.isPending ? <Loading what="the alerts" /> : null}
      {alerts.isError ? <QueryFailure error={alerts.error} retry={() => alerts.refetch()} /> : null}
      {page ? (
        <>
          <h2 className="govuk-heading-m">{page.totalCount} {page.totalCount === 1 ? 'alert' : 'alerts'}</h2>
          {page.alerts.length === 0 ? <p className="govuk-body">No alerts match these filters.</p> : null}
          {page.alerts.map((alert) => (
            <AlertCard key={alert.id} alert={alert} onAcknowledge={alert.status === 'OPEN' && open !== alert.id ? () => start(alert) : null}>
              {open === alert.id ? (
                <AcknowledgeForm
                  alert={alert}
                  error={noteProblems.at.note}
                  saving={acknowledge.isPending}
                  onSave={(note) => acknowledge.mutate({ id: alert.id, note })}
                  onCancel={() => setOpen(null)}
                />
              ) : null}
            </AlertCard>
          ))}
          <CursorPagination endCursor={page.endCursor} hasNextPage={page.hasNextPage} what="alerts" />
        </>
      ) : null}
    </ConsolePart>
  );
}
