import { useState, type ReactNode } from 'react';
import { request } from '../../api/client';
import { ErrorSummary, Radios, Select, TextInput, Textarea } from '../../components/govuk';
import { humanise } from '../../components/format';
import type { ConsentMethod, ConsentStatus, DecisionOutcome, FeedbackMethod, FeedbackWithheldReason, Rag } from '../../gql/graphql';
import { hasRole } from '../../auth/session';
import { useSessionUser } from '../../layout/Layout';
import type { CaseData } from './model';
import { CASE_VIEW_ASSIGN, CASE_VIEW_CLOSE, CASE_VIEW_CONFIRM_RATING, CASE_VIEW_CONSENT, CASE_VIEW_DECISION, CASE_VIEW_FEEDBACK, CASE_VIEW_OVERTURN, CASE_VIEW_RATE } from './queries';
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

/** Who works the case: the signed-in user, someone else by their sign-in id, or nobody. */
function AssignForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const user = useSessionUser();
  const action = useCaseAction(record.id, done);
  const [who, setWho] = useState('');
  const [other, setOther] = useState('');
  const [rationale, setRationale] = useState('');
  const ids = { assigneeId: 'assign-who', rationale: 'assign-rationale' };
  const submit = async () => {
    const assigneeId = who === 'me' ? user?.id : who === 'other' ? other.trim() : null;
    const checks: Record<string, string> = {};
    if (!who) checks.assigneeId = 'Select who works the case';
    else if (who === 'other' && !assigneeId) checks.assigneeId = 'Enter the user id of who works the case';
    const success = assigneeId ? (who === 'me' ? 'Case assigned to you' : `Case assigned to ${assigneeId}`) : 'Case unassigned';
    const saved = await action.submit(() => request(CASE_VIEW_ASSIGN, { caseId: record.id, assigneeId, rationale: rationale || undefined }), success, checks);
    if (saved) { setWho(''); setOther(''); setRationale(''); }
  };
  const current = record.assigneeId ? (record.assigneeId === user?.id ? 'you' : record.assigneeId) : 'nobody';
  return (
    <ActionForm id="assign" title="Assign the case" action={action} ids={ids} button="Save assignment" onSubmit={submit}>
      <p className="govuk-body">Assigned now to {current}.</p>
      <Radios id={ids.assigneeId} label="Who works the case from now" value={who} onChange={setWho} error={action.errors.assigneeId}
        options={[{ value: 'me', label: 'Me' }, { value: 'other', label: 'Someone else' }, { value: 'nobody', label: 'Nobody (unassign)' }]} />
      {who === 'other' ? <TextInput id="assign-other" label="Their user id" hint="As their sign-in gives it" value={other} onChange={setOther} /> : null}
      <TextInput id={ids.rationale} label="Why (optional)" hint="For example: covering leave" value={rationale} onChange={setRationale} error={action.errors.rationale} />
    </ActionForm>
  );
}

/** A manager's review of a rating given by someone else: overturning it sends the case back to be rated again. */
function OverturnForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const action = useCaseAction(record.id, done);
  const [rationale, setRationale] = useState('');
  const ids = { rationale: 'overturn-rationale' };
  const submit = async () => {
    if (await action.submit(() => request(CASE_VIEW_OVERTURN, { caseId: record.id, rationale }), `Rating ${record.rag} overturned`)) setRationale('');
  };
  return (
    <ActionForm id="overturn" title="Overturn the rating" action={action} ids={ids} button="Overturn rating" onSubmit={submit}>
      <p className="govuk-body">As a manager reviewing the rating: if it should not stand, say why. Confirming it is above.</p>
      <Textarea id={ids.rationale} label="Why the rating should not stand" value={rationale} onChange={setRationale} error={action.errors.rationale} />
    </ActionForm>
  );
}

const WITHHELD_REASONS: { value: string; label: string }[] = [
  { value: '', label: 'Select' },
  { value: 'ANONYMOUS_REFERRER', label: 'The referrer is anonymous' },
  { value: 'RISK_TO_CHILD', label: 'Telling them would put a child at risk' },
  { value: 'RISK_TO_ADULT', label: 'Telling them would put an adult at risk' },
  { value: 'REFERRER_UNREACHABLE', label: 'The referrer could not be reached' },
];

/** Closing a decided case: after feedback to the referrer, or saying why they were not told. */
function CloseForm({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const action = useCaseAction(record.id, done);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const ids = { feedbackWithheldReason: 'close-reason', note: 'close-note' };
  const told = Boolean(record.feedbackSentAt);
  const submit = () => {
    const input = { caseId: record.id, feedbackWithheldReason: told ? undefined : ((reason || undefined) as FeedbackWithheldReason | undefined), note: told ? undefined : note || undefined };
    return action.submit(() => request(CASE_VIEW_CLOSE, { input }), 'Case closed');
  };
  return (
    <ActionForm id="close" title="Close the case" action={action} ids={ids} button="Close case" onSubmit={submit}>
      {told ? (
        <p className="govuk-body">The referrer has been told the outcome. Agency information stays readable for the window the agreement sets after closure, then no more.</p>
      ) : (
        <>
          <p className="govuk-body">The referrer has not been told the outcome: say why, or record feedback first.</p>
          <Select id={ids.feedbackWithheldReason} label="Why the referrer was not told" value={reason} onChange={setReason} error={action.errors.feedbackWithheldReason} options={WITHHELD_REASONS} />
          <Textarea id={ids.note} label="In a sentence" hint="Needed when telling them would put someone at risk" value={note} onChange={setNote} error={action.errors.note} />
        </>
      )}
    </ActionForm>
  );
}

/** The changes a triage officer makes on an open case, each refused by the API in words when it must be. */
export function CaseActions({ record, done }: { record: CaseData; done: (message: string) => void }) {
  const user = useSessionUser();
  if (record.status === 'CLOSED') return <p className="govuk-inset-text">The case is closed: it can no longer be changed.</p>;
  const awaiting = record.ratingConfirmation === 'AWAITING_CONFIRMATION' || record.ratingConfirmation === 'URGENT_AWAITING_REVIEW';
  // Overturning is a manager's review of an open rating review (the API refuses anyone else in words).
  const reviewing = hasRole(user, 'mash-manager') && record.ratingReview?.status === 'OPEN';
  return (
    <>
      {record.decidedAt ? null : <RateForm record={record} done={done} />}
      {awaiting ? <ConfirmRatingForm record={record} done={done} /> : null}
      <ConsentForm record={record} done={done} />
      {record.decidedAt ? null : <DecisionForm record={record} done={done} />}
      {record.decidedAt && !record.feedbackSentAt ? <FeedbackForm record={record} done={done} /> : null}
      {record.decidedAt ? <CloseForm record={record} done={done} /> : null}
      <AssignForm record={record} done={done} />
      {reviewing ? <OverturnForm record={record} done={done} /> : null}
    </>
  );
}
