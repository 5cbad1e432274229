import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { ErrorSummary, Radios, TextInput, type ErrorItem } from '../../components/govuk';
import { formatDateTime, humanise } from '../../components/format';
import { graphql } from '../../gql';
import type { DisclosureConfirmation, GovernanceWhoHasSeenQuery, PersonIdentifiersInput } from '../../gql/graphql';
import { DateInput, OnLeave } from '../referral/fields';
import { ConsolePart } from './GovernancePage';
import { AGENCY_LABELS } from './MatrixPage';
import { checkField, checkPerson, emptyPerson, fieldsFor, PERSON_FIELDS, toPersonInput, type FindBy, type PersonDraft, type PersonField } from './personForm';
import { DecisionTag, Id, inputProblems, isBadInput, QueryFailure } from './shared';

// Ids, case references and agency record ids only: the answer names nobody.
const WHO_HAS_SEEN = graphql(`
  query GovernanceWhoHasSeen($person: PersonIdentifiersInput!) {
    whoHasSeen(person: $person) {
      reviewedAt moreAccesses unissuedDisclosures
      subjects { subjectId caseId caseReference matchedOn }
      accesses {
        seq recordedAt kind decision userId roles organisation caseReference agency rule policyVersion reason confirmation
        disclosed { agency disclosureId matchStatus recordIds }
      }
      agencies {
        agency available problem complete
        disclosures { agency disclosureId disclosedAt caseReference caseId userId purpose subjectId matchStatus recordIds obligations hubEntrySeq }
      }
    }
  }
`);

type Report = GovernanceWhoHasSeenQuery['whoHasSeen'];
type Access = Report['accesses'][number];
type AgencyLog = Report['agencies'][number];

const FIND_BY = [
  { value: 'IDENTIFIERS', label: 'NHS number, or name and date of birth' },
  { value: 'SUBJECT', label: "The hub's subject id" },
];

const CONFIRMATIONS: Record<DisclosureConfirmation, string> = {
  CONFIRMED: "Confirmed by the agency's log",
  NOT_FOUND: "Not in the agency's log: the agency may not have answered",
  NOT_CHECKED: "Not checked: the agency's log for the case is longer than one read",
  AGENCY_UNAVAILABLE: 'The agency could not be asked now',
  NOT_APPLICABLE: 'Nothing was sent to an agency',
};

const MATCHED_ON: Record<string, string> = { SUBJECT_ID: 'Subject id', NHS_NUMBER: 'NHS number', NAME_AND_DATE_OF_BIRTH: 'Name and date of birth' };

const agencyName = (agency: string | null | undefined) => (agency ? AGENCY_LABELS[agency] ?? agency : '—');

function PersonForm({ draft, errors, busy, onChange, onLeave, onSubmit }: {
  draft: PersonDraft;
  errors: Partial<Record<PersonField, string>>;
  busy: boolean;
  onChange: (patch: Partial<PersonDraft>, field: PersonField | null) => void;
  onLeave: (field: PersonField) => void;
  onSubmit: () => void;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const text = (field: PersonField, key: 'nhsNumber' | 'givenName' | 'familyName' | 'subjectId', label: string, extra: { hint?: string; className?: string; inputMode?: 'numeric' } = {}) => (
    <OnLeave onLeave={() => onLeave(field)}>
      <TextInput id={PERSON_FIELDS[field].id} label={label} value={draft[key]} onChange={(value) => onChange({ [key]: value }, field)} error={errors[field]} spellCheck={false} {...extra} />
    </OnLeave>
  );
  return (
    <form onSubmit={submit} noValidate>
      <Radios id="who-by" label="Find the person by" value={draft.by} onChange={(value) => onChange({ by: value as FindBy }, null)} options={FIND_BY} />
      {draft.by === 'IDENTIFIERS' ? (
        <fieldset className="govuk-fieldset" aria-describedby="who-person-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The person</legend>
          <div id="who-person-hint" className="govuk-hint">
            Give their NHS number, or their family name and date of birth, or both. A given name narrows a search by name; people recorded without one are still found.
          </div>
          {text('person.nhsNumber', 'nhsNumber', 'NHS number (optional)', { hint: '10 digits, for example 943 476 5919', className: 'govuk-input--width-10', inputMode: 'numeric' })}
          {text('person.givenName', 'givenName', 'Given name (optional)', { className: 'govuk-!-width-one-half' })}
          {text('person.familyName', 'familyName', 'Family name (optional with an NHS number)', { className: 'govuk-!-width-one-half' })}
          <DateInput
            id="who-dateOfBirth"
            legend="Date of birth (optional with an NHS number)"
            hint="For example, 27 3 2014"
            value={{ day: draft.dobDay, month: draft.dobMonth, year: draft.dobYear }}
            onChange={({ day, month, year }) => onChange({ dobDay: day, dobMonth: month, dobYear: year }, 'person.dateOfBirth')}
            onLeave={() => onLeave('person.dateOfBirth')}
            error={errors['person.dateOfBirth']}
          />
        </fieldset>
      ) : (
        text('person.subjectId', 'subjectId', 'Subject id', { hint: "The hub's id of one record of the person (a UUID), as the access log shows it. Every other record of the same person is found too.", className: 'govuk-!-width-two-thirds' })
      )}
      <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>{busy ? 'Searching…' : 'Find who has seen them'}</button>
    </form>
  );
}

function SubjectsFound({ report }: { report: Report }) {
  if (report.subjects.length === 0) {
    return <p className="govuk-body">No record in the hub is this person: no subject of any case matches what you gave, so nobody has seen them through the hub.</p>;
  }
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Records of the person in the hub ({report.subjects.length})</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Case</th>
          <th scope="col" className="govuk-table__header">Subject id</th>
          <th scope="col" className="govuk-table__header">Taken to be the person by</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {report.subjects.map((subject) => (
          <tr className="govuk-table__row" key={subject.subjectId}>
            <th scope="row" className="govuk-table__header">{subject.caseReference}</th>
            <td className="govuk-table__cell"><Id>{subject.subjectId}</Id></td>
            <td className="govuk-table__cell">{subject.matchedOn.map((match) => MATCHED_ON[match] ?? humanise(match)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the agency's own log says about one access: confirmed (with the records released), or why not. */
function Confirmation({ access }: { access: Access }) {
  return (
    <>
      {CONFIRMATIONS[access.confirmation]}
      {access.disclosed.map((disclosure) => (
        <span className="app-gov-secondary" key={disclosure.disclosureId}>
          {humanise(disclosure.matchStatus)}
          {disclosure.recordIds.length > 0 ? <>: {disclosure.recordIds.map((id, index) => <span key={id}>{index > 0 ? ', ' : ''}<Id>{id}</Id></span>)}</> : null}
        </span>
      ))}
    </>
  );
}

const ACCESS_COLUMNS = [['Time', 'time'], ['User', 'user'], ['Kind', 'kind'], ['Decision', 'decision'], ['Case', 'case'], ['Agency', 'agency'], ['Rule', 'rule'], ["Agency's log", 'confirmation']] as const;

function AccessTable({ report }: { report: Report }) {
  if (report.accesses.length === 0) return <p className="govuk-body">The access log has no access to this person.</p>;
  return (
    <table className="govuk-table app-gov-log">
      <caption className="govuk-table__caption govuk-table__caption--m">Accesses in the hub's access log, newest first ({report.accesses.length})</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {ACCESS_COLUMNS.map(([title, name]) => <th scope="col" className={`govuk-table__header app-gov-who-${name}`} key={name}>{title}</th>)}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {report.accesses.map((access) => (
          <tr className="govuk-table__row" key={access.seq}>
            <td className="govuk-table__cell">
              {formatDateTime(access.recordedAt)}
              <span className="app-gov-secondary">Entry {access.seq}</span>
            </td>
            <td className="govuk-table__cell">
              {access.userId ? <Id>{access.userId}</Id> : 'The hub itself'}
              {access.roles.length > 0 ? <span className="app-gov-secondary">{access.roles.join(', ')}</span> : null}
              {access.organisation ? <span className="app-gov-secondary">{access.organisation}</span> : null}
            </td>
            <td className="govuk-table__cell">
              {humanise(access.kind)}
              {access.reason ? <span className="app-gov-secondary">{access.reason}</span> : null}
            </td>
            <td className="govuk-table__cell"><DecisionTag decision={access.decision} /></td>
            <td className="govuk-table__cell">{access.caseReference ?? '—'}</td>
            <td className="govuk-table__cell">{agencyName(access.agency)}</td>
            <td className="govuk-table__cell">
              {access.rule ? <Id>{access.rule}</Id> : '—'}
              {access.policyVersion ? <span className="app-gov-secondary">Version {access.policyVersion}</span> : null}
            </td>
            <td className="govuk-table__cell"><Confirmation access={access} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Agencies whose log could not be read, named with why: the rest of the answer still stands. */
function UnavailableAgencies({ agencies }: { agencies: AgencyLog[] }) {
  const down = agencies.filter((log) => !log.available);
  if (down.length === 0) return null;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="who-unavailable-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="who-unavailable-title">Important</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Not every agency could be asked what it disclosed</p>
        <ul className="govuk-list govuk-list--bullet">
          {down.map((log) => <li key={log.agency}>{agencyName(log.agency)}: {log.problem ?? 'no reason given'}</li>)}
        </ul>
        <p className="govuk-body">The hub's own log is complete; search again later for these agencies' side.</p>
      </div>
    </div>
  );
}

function AgencyLogs({ agencies }: { agencies: AgencyLog[] }) {
  const disclosures = agencies.flatMap((log) => log.disclosures);
  return (
    <>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Each agency's disclosure log</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Agency</th>
            <th scope="col" className="govuk-table__header">Read</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Disclosures about the person</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {agencies.map((log) => (
            <tr className="govuk-table__row" key={log.agency}>
              <th scope="row" className="govuk-table__header">{agencyName(log.agency)}</th>
              <td className="govuk-table__cell">
                {!log.available ? <><strong className="govuk-tag govuk-tag--red">Could not be asked</strong><span className="app-gov-secondary">{log.problem}</span></> : log.complete ? 'Read in full' : 'Read, but not in full: older entries were not checked'}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{log.available ? log.disclosures.length : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {disclosures.length > 0 ? (
        <table className="govuk-table app-gov-log">
          <caption className="govuk-table__caption govuk-table__caption--m">Disclosures in the agencies' logs, newest first in each agency ({disclosures.length})</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Agency', 'When', 'Case', 'To user', 'Subject id', 'Answer and records', 'Issued by the hub'].map((title) => <th scope="col" className="govuk-table__header" key={title}>{title}</th>)}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {disclosures.map((disclosure) => (
              <tr className="govuk-table__row" key={`${disclosure.agency}-${disclosure.disclosureId}`}>
                <td className="govuk-table__cell">{agencyName(disclosure.agency)}</td>
                <td className="govuk-table__cell">{formatDateTime(disclosure.disclosedAt)}</td>
                <td className="govuk-table__cell">{disclosure.caseReference ?? (disclosure.caseId ? <Id>{disclosure.caseId}</Id> : '—')}</td>
                <td className="govuk-table__cell">
                  {disclosure.userId ? <Id>{disclosure.userId}</Id> : '—'}
                  {disclosure.purpose ? <span className="app-gov-secondary">{humanise(disclosure.purpose)}</span> : null}
                </td>
                <td className="govuk-table__cell"><Id>{disclosure.subjectId}</Id></td>
                <td className="govuk-table__cell">
                  {humanise(disclosure.matchStatus)}
                  {disclosure.recordIds.map((id) => <span className="app-gov-secondary" key={id}><Id>{id}</Id></span>)}
                  {disclosure.obligations.length > 0 ? <span className="app-gov-secondary">{disclosure.obligations.map(humanise).join(', ')}</span> : null}
                </td>
                <td className="govuk-table__cell">
                  {disclosure.hubEntrySeq ? `Yes, entry ${disclosure.hubEntrySeq}` : <strong className="govuk-tag govuk-tag--red">No: report it</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function ReportView({ report }: { report: Report }) {
  return (
    <>
      <h2 className="govuk-heading-l">What the hub found</h2>
      <p className="govuk-body">Reviewed {formatDateTime(report.reviewedAt)}; anything recorded after that is not included.</p>
      <UnavailableAgencies agencies={report.agencies} />
      {report.unissuedDisclosures > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {report.unissuedDisclosures} {report.unissuedDisclosures === 1 ? 'disclosure' : 'disclosures'} in the agencies' logs were made under a grant the hub never issued: report {report.unissuedDisclosures === 1 ? 'it' : 'them'} for investigation.
          </strong>
        </div>
      ) : null}
      <SubjectsFound report={report} />
      {report.subjects.length > 0 ? (
        <>
          <AccessTable report={report} />
          {report.moreAccesses ? <p className="govuk-inset-text">The access log has more accesses to this person than one answer lists; the oldest are not shown.</p> : null}
          <AgencyLogs agencies={report.agencies} />
        </>
      ) : null}
    </>
  );
}

/**
 * Who has seen this person (whoHasSeen), for a subject access request. What is typed stays in
 * this page's memory: never in the address, never in a heading, never in the console.
 */
export function WhoHasSeenPage() {
  const [draft, setDraft] = useState<PersonDraft>(emptyPerson);
  const [problems, setProblems] = useState<Partial<Record<PersonField, string>>>({});
  const [summaryShown, setSummaryShown] = useState(false);
  const search = useMutation({ mutationFn: (person: PersonIdentifiersInput) => request(WHO_HAS_SEEN, { person }) });

  const shown = fieldsFor(draft.by);
  // A problem with the person as a whole (the form's own checks make it rare) links to the first field.
  const refused = inputProblems(search.error, PERSON_FIELDS, PERSON_FIELDS[shown[0]].id);
  const errors: Partial<Record<PersonField, string>> = Object.fromEntries(shown.map((field) => [field, problems[field] ?? refused.at[field]]));
  const local: ErrorItem[] = shown.flatMap((field) => (problems[field] ? [{ href: PERSON_FIELDS[field].id, text: problems[field] }] : []));
  const summary = summaryShown && local.length > 0 ? local : refused.summary;

  const change = (patch: Partial<PersonDraft>, field: PersonField | null) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (field === null) {
      setProblems({});
      setSummaryShown(false);
      search.reset();
    } else if (problems[field]) {
      setProblems({ ...problems, [field]: checkField(next, field) ?? undefined });
    }
  };
  const leave = (field: PersonField) => setProblems({ ...problems, [field]: checkField(draft, field) ?? undefined });
  const submit = () => {
    const found = checkPerson(draft);
    setProblems(found);
    setSummaryShown(true);
    if (Object.keys(found).length > 0) {
      search.reset();
      return;
    }
    search.mutate(toPersonInput(draft));
  };
  const report = search.data?.data?.whoHasSeen;

  return (
    <ConsolePart title="Who has seen this person" hasErrors={summary.length > 0}>
      <ErrorSummary errors={summary} />
      <p className="govuk-body">
        For a subject access request: every record of the person in the hub, across cases; every access to them in the hub's access log; and what each agency's own
        disclosure log says it released about them, under which grant.
      </p>
      <div className="govuk-inset-text">
        Your search is itself recorded in the access log, with your user id and the ids of the records it found. What you type here is not recorded, not kept in the
        page's address, and not shown again.
      </div>
      <PersonForm draft={draft} errors={errors} busy={search.isPending} onChange={change} onLeave={leave} onSubmit={submit} />
      {search.isError && !isBadInput(search.error) ? <QueryFailure error={search.error} retry={submit} /> : null}
      {report ? <ReportView report={report} /> : null}
    </ConsolePart>
  );
}
