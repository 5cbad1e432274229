import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError, fieldErrors, request } from '../../api/client';
import { ApiErrorPanel, ErrorSummary, Radios, Select, TextInput, Textarea, usePageTitle, type ErrorItem, type Option } from '../../components/govuk';
import { graphql } from '../../gql';
import type { ReferralInput } from '../../gql/graphql';
import { Confirmation, type Received } from './Confirmation';
import { Checkbox, OnLeave } from './fields';
import {
  checkAll, checkField, emptyReferral, emptySubject, fieldOrder, inputId, isFormPath, MAX_SUBJECTS, shiftErrors, subjectPath,
  toInput, type ReferralDraft, type SubjectDraft, type SubjectField,
} from './form';
import { SubjectFields } from './SubjectFields';
import './referral.css';

const RECEIVE = graphql(`
  mutation ReferralReceive($idempotencyKey: String, $input: ReferralInput!) {
    receiveReferral(idempotencyKey: $idempotencyKey, input: $input) {
      id reference dueBy rag ratingConfirmation
      reReferralOf { id reference }
    }
  }
`);

/** CIN census referral source codes, as the API lists them. */
const SOURCES: Option[] = [
  { value: '', label: 'Not given' },
  ...[
    ['1A', 'Family'], ['1B', 'Acquaintance'], ['1C', 'Self'], ['1D', 'Other individual'], ['2A', 'Schools'], ['2B', 'Education services'],
    ['3A', 'GP'], ['3B', 'Health visitor'], ['3C', 'School nurse'], ['3D', 'Other primary health'], ['3E', 'A&E'], ['3F', 'Other health'],
    ['4', 'Housing'], ['5A', 'Local authority social care'], ['5B', 'Other internal local authority'], ['5C', 'Another local authority'],
    ['5D', 'Early help'], ['6', 'Police'], ['7', 'Other legal agency (courts, probation, CAFCASS)'], ['8', 'Other'], ['9', 'Anonymous'], ['10', 'Unknown'],
  ].map(([value, label]) => ({ value, label: `${value}: ${label}` })),
];
const REQUESTERS: Option[] = [
  { value: '', label: 'Choose who asks' },
  { value: 'FAMILY_COURT', label: 'The Family Court' },
  { value: 'CAFCASS', label: 'CAFCASS' },
  { value: 'PROBATION', label: 'The Probation Service' },
  { value: 'OTHER_LOCAL_AUTHORITY', label: 'Another local authority' },
  { value: 'OTHER', label: 'Another organisation with a lawful reason to ask' },
];

/** A problem at a field, and whether the API said it (kept until the field changes: the form cannot re-check it). */
interface Problem {
  text: string;
  fromServer?: boolean;
}
type Problems = Record<string, Problem>;

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The paths a change to `path` can make right or wrong besides itself. */
function dependents(path: string): string[] {
  const subject = /^(subjects\[\d+\])\.householdRole$/.exec(path);
  if (subject) return [`${subject[1]}.dateOfBirth`];
  return { kind: ['informationRequester'], consentStatus: ['consentGivenBy', 'consentMethod', 'consentNote'], rag: ['ragRationale'] }[path] ?? [];
}

/**
 * The hub's online referral form (receiveReferral). Each field is checked as the user leaves it,
 * and again as they type once it shows a problem, with the API's own rules (@mash/identifiers);
 * what only the API can check comes back as BAD_USER_INPUT and is shown at its field. One
 * idempotency key per referral: a double click or a retry after a lost answer makes one case.
 */
export function ReferralPage() {
  const [draft, setDraft] = useState<ReferralDraft>(emptyReferral);
  const [problems, setProblems] = useState<Problems>({});
  const [received, setReceived] = useState<Received | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const focusNext = useRef<string | null>(null);
  const send = useMutation({
    mutationFn: (input: ReferralInput) => request(RECEIVE, { idempotencyKey: idempotencyKey.current, input }),
    onSuccess: ({ data }) => {
      idempotencyKey.current = crypto.randomUUID();
      setReceived(data!.receiveReferral);
      window.scrollTo(0, 0);
    },
    onError: (error) => {
      if (!(error instanceof ApiRequestError) || error.code !== 'BAD_USER_INPUT') return;
      const refused: Problems = {};
      for (const [path, text] of Object.entries(fieldErrors(error))) refused[path] = { text: sentence(text), fromServer: true };
      setProblems(refused);
    },
  });
  const hasErrors = Object.keys(problems).length > 0;
  usePageTitle(received ? 'Referral received' : 'Make a referral', hasErrors && !received);

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  if (received) {
    return (
      <Confirmation
        received={received}
        again={() => {
          setDraft(emptyReferral());
          setProblems({});
          setReceived(null);
          send.reset();
        }}
      />
    );
  }

  /** Re-checks `paths` that show a problem against `next`; drops problems at fields no longer on the form. */
  function recheck(next: ReferralDraft, paths: string[]) {
    setProblems((current) => {
      const shown = new Set(fieldOrder(next));
      const out: Problems = {};
      for (const [path, problem] of Object.entries(current)) {
        if (isFormPath(path) && !shown.has(path)) continue;
        if (!paths.includes(path)) {
          out[path] = problem;
          continue;
        }
        const text = checkField(next, path);
        if (text) out[path] = { text };
      }
      return out;
    });
  }

  function change(patch: Partial<ReferralDraft>, path: string) {
    const next = { ...draft, ...patch };
    setDraft(next);
    recheck(next, [path, ...dependents(path)]);
  }

  function changeSubject(index: number, patch: Partial<SubjectDraft>, field: SubjectField) {
    change({ subjects: draft.subjects.map((subject, at) => (at === index ? { ...subject, ...patch } : subject)) }, subjectPath(index, field));
  }

  /** On leaving a field: its problem shown or cleared (an API problem stays until the field changes). */
  function leave(path: string) {
    const text = checkField(draft, path);
    setProblems((current) => {
      if (text) return { ...current, [path]: { text } };
      if (!current[path] || current[path].fromServer) return current;
      const rest = { ...current };
      delete rest[path];
      return rest;
    });
  }

  function addPerson() {
    focusNext.current = `subjects-${draft.subjects.length}-householdRole`;
    setDraft({ ...draft, subjects: [...draft.subjects, emptySubject()] });
  }

  function removePerson(index: number) {
    focusNext.current = 'add-person';
    setDraft({ ...draft, subjects: draft.subjects.filter((_, at) => at !== index) });
    setProblems((current) => shiftErrors(current, index));
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (send.isPending) return;
    const found = checkAll(draft);
    if (Object.keys(found).length > 0) {
      setProblems(Object.fromEntries(Object.entries(found).map(([path, text]) => [path, { text }])));
      return;
    }
    setProblems({});
    send.mutate(toInput(draft));
  }

  const error = (path: string) => problems[path]?.text ?? null;
  const messages = Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, problem.text]));
  const order = fieldOrder(draft);
  const summary: ErrorItem[] = Object.entries(problems)
    .sort(([a], [b]) => rank(order, a) - rank(order, b))
    .map(([path, problem]) => ({ href: inputId(path, draft) ?? 'submit-referral', text: problem.text }));
  const text = (path: 'referrerName' | 'referrerOrganisation' | 'referrerContact' | 'consentGivenBy', label: string, hint?: string) => (
    <OnLeave onLeave={() => leave(path)}>
      <TextInput id={path} label={label} hint={hint} value={draft[path]} onChange={(value) => change({ [path]: value }, path)} error={error(path)} className="govuk-!-width-two-thirds" />
    </OnLeave>
  );
  const area = (path: 'concern' | 'consentNote' | 'ragRationale', label: string, hint: string, rows = 5) => (
    <OnLeave onLeave={() => leave(path)}>
      <Textarea id={path} label={label} hint={hint} value={draft[path]} onChange={(value) => change({ [path]: value }, path)} error={error(path)} rows={rows} />
    </OnLeave>
  );

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">Make a referral</h1>
      <p className="govuk-body">Tell the MASH who is worried, what the concern is and who it is about. Nothing is saved until you send the referral.</p>
      {send.isError && !(send.error instanceof ApiRequestError && send.error.code === 'BAD_USER_INPUT') ? <ApiErrorPanel error={send.error} retry={() => submit()} /> : null}
      <form onSubmit={submit} noValidate aria-label="Referral">
        <h2 className="govuk-heading-m">Who is referring</h2>
        {text('referrerName', "Referrer's name", 'The professional or member of the public making the referral')}
        {text('referrerOrganisation', 'Organisation (optional)', 'For example, a school or GP practice')}
        {text('referrerContact', 'How to contact them (optional)', 'A telephone number or email address')}
        <Select id="referralSource" label="Referral source (optional)" hint="The CIN census code" value={draft.referralSource} onChange={(value) => change({ referralSource: value }, 'referralSource')} options={SOURCES} error={error('referralSource')} />

        <h2 className="govuk-heading-m">The concern</h2>
        <Radios
          id="kind" label="What is it?" inline value={draft.kind} error={error('kind')}
          onChange={(value) => change({ kind: value as ReferralDraft['kind'] }, 'kind')}
          options={[{ value: 'REFERRAL', label: 'A referral' }, { value: 'INFORMATION_REQUEST', label: 'A request for information' }]}
        />
        {draft.kind === 'INFORMATION_REQUEST' ? (
          <div className="app-conditional">
            <OnLeave onLeave={() => leave('informationRequester')}>
              <Select id="informationRequester" label="Who asks for the information" value={draft.informationRequester} onChange={(value) => change({ informationRequester: value as ReferralDraft['informationRequester'] }, 'informationRequester')} options={REQUESTERS} error={error('informationRequester')} />
            </OnLeave>
          </div>
        ) : null}
        <Radios
          id="pathway" label="Pathway" inline value={draft.pathway} error={error('pathway')}
          onChange={(value) => change({ pathway: value as ReferralDraft['pathway'] }, 'pathway')}
          options={[{ value: 'CHILDREN', label: "Children's" }, { value: 'ADULTS', label: "Adults' (adult at risk)" }]}
        />
        {area('concern', 'What is the concern?', "In the referrer's words: what happened, when, and who is at risk. Up to 4,000 characters", 8)}

        <h2 className="govuk-heading-m">Consent</h2>
        <Radios
          id="consentStatus" label="Has consent to share been sought?" value={draft.consentStatus} error={error('consentStatus')}
          hint="Safeguarding sharing does not need consent; early-help sharing does"
          onChange={(value) => change({ consentStatus: value as ReferralDraft['consentStatus'] }, 'consentStatus')}
          options={[
            { value: 'NOT_SOUGHT', label: 'Not sought' },
            { value: 'GIVEN', label: 'Given' },
            { value: 'REFUSED', label: 'Refused' },
            { value: 'OVERRIDDEN', label: 'Overridden: shared without consent to protect someone or a crime investigation' },
          ]}
        />
        {draft.consentStatus === 'GIVEN' || draft.consentStatus === 'REFUSED' ? (
          <div className="app-conditional">
            {text('consentGivenBy', draft.consentStatus === 'GIVEN' ? 'Who gave consent' : 'Who refused consent (optional)', 'For example, parent or young person')}
            {draft.consentStatus === 'GIVEN' ? (
              <>
                <Radios
                  id="consentMethod" label="How was consent given?" inline value={draft.consentMethod} error={error('consentMethod')}
                  onChange={(value) => change({ consentMethod: value as ReferralDraft['consentMethod'] }, 'consentMethod')}
                  options={[{ value: 'VERBAL', label: 'Verbally' }, { value: 'WRITTEN', label: 'In writing' }, { value: 'ELECTRONIC', label: 'Electronically' }]}
                />
                <Checkbox
                  id="consentEarlyHelpSharing" label="Consent covers sharing for early help" error={error('consentEarlyHelpSharing')}
                  checked={draft.consentEarlyHelpSharing} onChange={(checked) => change({ consentEarlyHelpSharing: checked }, 'consentEarlyHelpSharing')}
                />
              </>
            ) : null}
          </div>
        ) : null}
        {draft.consentStatus === 'OVERRIDDEN' ? <div className="app-conditional">{area('consentNote', 'Why was consent overridden?', 'For example, asking would place the child at risk. Up to 1,000 characters', 3)}</div> : null}

        <h2 className="govuk-heading-m">Rating on receipt</h2>
        <Radios
          id="rag" label="Rate the referral now? (optional)" value={draft.rag} error={error('rag')}
          hint="A red or amber rating given here needs confirming by a second person or a manager before agency data is shared"
          onChange={(value) => change({ rag: value as ReferralDraft['rag'] }, 'rag')}
          options={[{ value: '', label: 'Not now' }, { value: 'RED', label: 'Red' }, { value: 'AMBER', label: 'Amber' }, { value: 'GREEN', label: 'Green' }]}
        />
        {draft.rag ? <div className="app-conditional">{area('ragRationale', 'Why this rating?', 'Up to 4,000 characters', 3)}</div> : null}

        <h2 className="govuk-heading-m">People the referral names</h2>
        {draft.subjects.map((subject, index) => (
          <SubjectFields key={subject.key} index={index} subject={subject} errors={messages} canRemove={draft.subjects.length > 1}
            change={(patch, field) => changeSubject(index, patch, field)} leave={(field) => leave(subjectPath(index, field))} remove={() => removePerson(index)} />
        ))}
        <div className={`govuk-form-group${error('subjects') ? ' govuk-form-group--error' : ''}`}>
          {error('subjects') ? <p id="subjects-error" className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {error('subjects')}</p> : null}
          <button type="button" id="add-person" className="govuk-button govuk-button--secondary" onClick={addPerson} disabled={draft.subjects.length >= MAX_SUBJECTS} aria-describedby={error('subjects') ? 'subjects-error' : undefined}>
            Add another person
          </button>
        </div>

        <div className="govuk-button-group">
          <button type="submit" id="submit-referral" className="govuk-button" disabled={send.isPending} aria-disabled={send.isPending || undefined}>
            {send.isPending ? 'Sending…' : 'Send referral'}
          </button>
        </div>
      </form>
    </>
  );
}

/** Where a problem goes in the summary: in the form's order, anything the form has no field for last. */
function rank(order: string[], path: string): number {
  const at = order.indexOf(path);
  return at === -1 ? order.length : at;
}
