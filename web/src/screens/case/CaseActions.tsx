import { useState, type ReactNode } from 'react';
import { request } from '../../api/client';
import { ErrorSummary, Radios, Select, TextInput, Textarea } from '../../components/govuk';
import { humanise } from '../../components/format';
import type { ConsentMethod, ConsentStatus, DecisionOutcome, FeedbackMethod, Rag } from '../../gql/graphql';
import type { CaseData } from './model';
import { CASE_VIEW_CONFIRM_RATING, CASE_VIEW_CONSENT, CASE_VIEW_DECISION, CASE_VIEW_FEEDBACK, CASE_VIEW_RATE } from './queries';
import { useCaseAction, type CaseAction } from './useCaseAction';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanise(value) }));

/** The browser's local time as a datetime-local value (minutes), e.g. 2026-12-01T16:30. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value as an ISO timestamp; undefined when empty, the text itself when unreadable (the API then names it). */
function isoOf(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** One action: a heading, its error summary (each message linked to its field), the fields and a button. */
function ActionForm({ id, title, action, ids, button, onSubmit, children }: { id: string; title: string; action: CaseAction; ids: Record<string, string>; button: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <section className="app-case-action" aria-labelledby={`${id}-title`}>
      <h3 className="govuk-heading-m" id={`${id}-title`}>{title}</h3>
      <form noValidate onSubmit={(event) => { event.preventDefault(); onSubmit(); }}>
        <ErrorSummary errors={action.summary(ids, Object.values(ids)[0])} />
        {children}
        <button type="submit" className="govuk-button" disabled={action.pending}>{button}</button>
      </form>
    </section>
  );
}

function RateForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const action = useCaseAction(record.id, done);
  const [rag, setRag] = useState('');
  const [rationale, setRationale] = useState('');
  const ids = { rag: 'rate-rag', rationale: 'rate-rationale' };
  const submit = async () => {
    const saved = await action.submit(
      () => request(CASE_VIEW_RATE, { input: { caseId: record.id, rag: rag as Rag, rationale } }),
      `Case rated ${rag}`,
      rag ? {} : { rag: 'Select a rating' },
    );
    if (saved) { setRag(''); setRationale(''); }
  };
  return (
    <ActionForm id="rate" title={record.rag ? 'Re-rate the case' : 'Rate the case'} action={action} ids={ids} button="Save rating" onSubmit={submit}>
      <Radios id={ids.rag} label="Rating" inline value={rag} onChange={setRag} error={action.errors.rag} options={options(['RED', 'AMBER', 'GREEN'])}
        hint="RED or AMBER opens the case to agency data once a manager gives it or a second person confirms it" />
      <Textarea id={ids.rationale} label="Why this rating" value={rationale} onChange={setRationale} error={action.errors.rationale} />
    </ActionForm>
  );
}

function ConfirmRatingForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const action = useCaseAction(record.id, done);
  const [rationale, setRationale] = useState('');
  const ids = { rationale: 'confirm-rationale' };
  const submit = async () => {
    if (await action.submit(() => request(CASE_VIEW_CONFIRM_RATING, { caseId: record.id, rationale }), `Rating ${record.rag} confirmed`)) setRationale('');
  };
  return (
    <ActionForm id="confirm" title="Confirm the rating" action={action} ids={ids} button="Confirm rating" onSubmit={submit}>
      <p className="govuk-body">A second person confirms a rating that opens the case to agency data: not whoever gave it or recorded the referral.</p>
      <Textarea id={ids.rationale} label="Why you agree with the rating" value={rationale} onChange={setRationale} error={action.errors.rationale} />
    </ActionForm>
  );
}

function ConsentForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const action = useCaseAction(record.id, done, { givenAt: 'The time consent was given' });
  const [status, setStatus] = useState('');
  const [earlyHelp, setEarlyHelp] = useState('no');
  const [givenBy, setGivenBy] = useState('');
  const [method, setMethod] = useState('');
  const [note, setNote] = useState('');
  const ids = { status: 'consent-status', earlyHelpSharing: 'consent-early-help', givenBy: 'consent-given-by', method: 'consent-method', note: 'consent-note' };
  const submit = async () => {
    const input = {
      caseId: record.id,
      status: status as ConsentStatus,
      earlyHelpSharing: earlyHelp === 'yes',
      givenBy: givenBy || undefined,
      method: (method || undefined) as ConsentMethod | undefined,
      note: note || undefined,
    };
    const saved = await action.submit(() => request(CASE_VIEW_CONSENT, { input }), `Consent recorded: ${humanise(status).toLowerCase()}`, status ? {} : { status: 'Select where consent stands' });
    if (saved) { setStatus(''); setEarlyHelp('no'); setGivenBy(''); setMethod(''); setNote(''); }
  };
  return (
    <ActionForm id="consent" title="Record consent" action={action} ids={ids} button="Record consent" onSubmit={submit}>
      <Radios id={ids.status} label="Consent" value={status} onChange={setStatus} error={action.errors.status} options={options(['GIVEN', 'REFUSED', 'NOT_SOUGHT', 'OVERRIDDEN'])} />
      <Radios id={ids.earlyHelpSharing} label="Does consent cover sharing for early help?" inline value={earlyHelp} onChange={setEarlyHelp} error={action.errors.earlyHelpSharing}
        options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} hint="Only consent given can cover it; it lets standard-risk domestic abuse incidents be shared" />
      <TextInput id={ids.givenBy} label="Who gave or refused consent" hint="For example: parent, young person. Needed when consent is given" value={givenBy} onChange={setGivenBy} error={action.errors.givenBy} />
      <Radios id={ids.method} label="How" inline value={method} onChange={setMethod} error={action.errors.method} options={options(['VERBAL', 'WRITTEN', 'ELECTRONIC'])} hint="Needed when consent is given" />
      <Textarea id={ids.note} label="Note" hint="Needed when consent is overridden: why seeking it would place someone at risk" value={note} onChange={setNote} error={action.errors.note} />
    </ActionForm>
  );
}

function DecisionForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const action = useCaseAction(record.id, done, { strategyDiscussionAt: 'The strategy discussion time', strategyDiscussionAttendees: 'The list of who took part' });
  const [outcome, setOutcome] = useState('');
  const [rationale, setRationale] = useState('');
  const [heldAt, setHeldAt] = useState('');
  const [attendees, setAttendees] = useState('');
  const ids = { outcome: 'decision-outcome', rationale: 'decision-rationale', strategyDiscussionAt: 'decision-strategy-at', strategyDiscussionAttendees: 'decision-attendees' };
  const submit = () => {
    const names = attendees.split('\n').map((line) => line.trim()).filter(Boolean);
    const input = {
      caseId: record.id,
      outcome: outcome as DecisionOutcome,
      rationale,
      strategyDiscussionAt: isoOf(heldAt),
      strategyDiscussionAttendees: names.length > 0 ? names : undefined,
    };
    return action.submit(() => request(CASE_VIEW_DECISION, { input }), `Decision recorded: ${humanise(outcome).toLowerCase()}`, outcome ? {} : { outcome: 'Select the decision' });
  };
  return (
    <ActionForm id="decision" title="Record the decision" action={action} ids={ids} button="Record decision" onSubmit={submit}>
      <Radios id={ids.outcome} label="Decision" value={outcome} onChange={setOutcome} error={action.errors.outcome}
        options={options(['STRATEGY_DISCUSSION', 'ASSESSMENT', 'EARLY_HELP', 'SIGNPOST', 'NO_FURTHER_ACTION'])} />
      <Textarea id={ids.rationale} label="Why" value={rationale} onChange={setRationale} error={action.errors.rationale} />
      <TextInput id={ids.strategyDiscussionAt} type="datetime-local" label="When the strategy discussion was held" hint={record.rag === 'RED' ? 'Needed for a RED case' : 'If one was held'}
        value={heldAt} onChange={setHeldAt} error={action.errors.strategyDiscussionAt} />
      <Textarea id={ids.strategyDiscussionAttendees} rows={3} label="Who took part" hint="One agency or role a line, at least two, for example: police" value={attendees} onChange={setAttendees} error={action.errors.strategyDiscussionAttendees} />
    </ActionForm>
  );
}

function FeedbackForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const action = useCaseAction(record.id, done, { sentAt: 'The time the referrer was told', summary: 'What the referrer was told' });
  const [sentAt, setSentAt] = useState(localNow);
  const [method, setMethod] = useState('');
  const [summary, setSummary] = useState('');
  const ids = { sentAt: 'feedback-sent-at', method: 'feedback-method', summary: 'feedback-summary' };
  const submit = () => {
    const checks: Record<string, string> = {};
    if (!sentAt) checks.sentAt = 'Enter when the referrer was told';
    if (!method) checks.method = 'Select how the referrer was told';
    const input = { caseId: record.id, sentAt: isoOf(sentAt) ?? '', method: method as FeedbackMethod, summary };
    return action.submit(() => request(CASE_VIEW_FEEDBACK, { input }), 'Feedback to the referrer recorded', checks);
  };
  return (
    <ActionForm id="feedback" title="Record feedback to the referrer" action={action} ids={ids} button="Record feedback" onSubmit={submit}>
      <TextInput id={ids.sentAt} type="datetime-local" label="When the referrer was told" value={sentAt} onChange={setSentAt} error={action.errors.sentAt} />
      <Select id={ids.method} label="How" value={method} onChange={setMethod} error={action.errors.method}
        options={[{ value: '', label: 'Select' }, ...options(['EMAIL', 'PHONE', 'LETTER', 'SECURE_MESSAGE', 'IN_PERSON', 'PORTAL'])]} />
      <Textarea id={ids.summary} label="What the referrer was told" value={summary} onChange={setSummary} error={action.errors.summary} />
    </ActionForm>
  );
}

/** The changes a triage officer makes on an open case, each refused by the API in words when it must be. */
export function CaseActions({ record, done }: { record: CaseData; done: (message: string) => void }) {
  if (record.status === 'CLOSED') return <p className="govuk-inset-text">The case is closed: it can no longer be changed.</p>;
  const awaiting = record.ratingConfirmation === 'AWAITING_CONFIRMATION' || record.ratingConfirmation === 'URGENT_AWAITING_REVIEW';
  return (
    <>
      {record.decidedAt ? null : <RateForm record={record} done={done} />}
      {awaiting ? <ConfirmRatingForm record={record} done={done} /> : null}
      <ConsentForm record={record} done={done} />
      {record.decidedAt ? null : <DecisionForm record={record} done={done} />}
      {record.decidedAt && !record.feedbackSentAt ? <FeedbackForm record={record} done={done} /> : null}
    </>
  );
}
