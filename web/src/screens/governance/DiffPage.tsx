import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { request } from '../../api/client';
import { ErrorSummary, Loading, Select, TextInput, type Option } from '../../components/govuk';
import { humanise } from '../../components/format';
import { graphql } from '../../gql';
import type { GovernancePolicyDiffQuery } from '../../gql/graphql';
import { ConsolePart } from './GovernancePage';
import { VERSIONS, VERSIONS_KEY } from './queries';
import { Id, inputProblems, isBadInput, QueryFailure } from './shared';

const DIFF = graphql(`
  query GovernancePolicyDiff($from: String!, $to: String!) {
    policyDiff(from: $from, to: $to) {
      from to widening notes
      changes { section path itemId kind before after sentence }
    }
  }
`);

type Change = GovernancePolicyDiffQuery['policyDiff']['changes'][number];

const FIELDS = { from: { id: 'diff-from', label: 'Compare from' }, to: { id: 'diff-to', label: 'Compare to' } };

const KIND_COLOURS: Record<string, string> = { ADDED: 'green', REMOVED: 'red', CHANGED: 'yellow', MOVED: 'blue' };

/** The sections a reader looks for first; the rest of the document after them. */
const GROUPS: { title: string; matches: (section: string) => boolean }[] = [
  { title: 'Rules', matches: (section) => section === 'rules' },
  { title: 'Field sensitivity levels (classification)', matches: (section) => section === 'classificationAccess' },
  { title: 'Other sections', matches: (section) => section !== 'rules' && section !== 'classificationAccess' },
];

/** The version before the one in force (the list is newest first), else the one in force itself. */
function defaults(versions: { version: string; status: string }[]): { from: string; to: string } {
  const index = versions.findIndex((version) => version.status === 'ACTIVE');
  const current = versions[index]?.version ?? versions[0]?.version ?? '';
  return { from: versions[index + 1]?.version ?? current, to: current };
}

function ChangeTable({ title, changes }: { title: string; changes: Change[] }) {
  const counts = Object.entries(changes.reduce<Record<string, number>>((tally, change) => ({ ...tally, [change.kind]: (tally[change.kind] ?? 0) + 1 }), {}));
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">
        {title}
        <span className="app-gov-secondary">{counts.map(([kind, count]) => `${count} ${humanise(kind).toLowerCase()}`).join(', ')}</span>
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Item</th>
          <th scope="col" className="govuk-table__header">Change</th>
          <th scope="col" className="govuk-table__header">What changes</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {changes.map((change) => (
          <tr className="govuk-table__row" key={`${change.kind}${change.path}`}>
            <th scope="row" className="govuk-table__header"><Id>{change.itemId ?? change.path}</Id></th>
            <td className="govuk-table__cell"><strong className={`govuk-tag govuk-tag--${KIND_COLOURS[change.kind] ?? 'grey'}`}>{humanise(change.kind)}</strong></td>
            <td className="govuk-table__cell">
              {change.sentence}
              {change.before !== null || change.after !== null ? (
                <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Before and after</span></summary>
                  <div className="govuk-details__text">
                    <p className="govuk-body-s govuk-!-margin-bottom-1">Before:</p>
                    <pre className="app-gov-pre">{change.before ?? '(none)'}</pre>
                    <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-1">After:</p>
                    <pre className="app-gov-pre">{change.after ?? '(none)'}</pre>
                  </div>
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DiffResult({ diff }: { diff: GovernancePolicyDiffQuery['policyDiff'] }) {
  return (
    <>
      <h2 className="govuk-heading-m">From {diff.from} to {diff.to}</h2>
      {diff.widening.length > 0 ? (
        <div className="app-gov-widening" role="region" aria-labelledby="widening-title">
          <h3 className="govuk-heading-s" id="widening-title">Version {diff.to} widens sharing compared with {diff.from}</h3>
          <ul className="govuk-list govuk-list--bullet">
            {diff.widening.map((sentence) => <li key={sentence}>{sentence}</li>)}
          </ul>
          <p className="govuk-body govuk-!-margin-bottom-0">A version that widens sharing needs two checkers other than its proposer.</p>
        </div>
      ) : (
        <p className="govuk-body">Version {diff.to} does not widen sharing compared with {diff.from}.</p>
      )}
      {diff.notes.length > 0 ? (
        <div className="govuk-inset-text">
          <ul className="govuk-list">{diff.notes.map((note) => <li key={note}>{note}</li>)}</ul>
        </div>
      ) : null}
      {diff.changes.length === 0 ? <p className="govuk-body">The two versions say the same.</p> : null}
      {GROUPS.map((group) => {
        const changes = diff.changes.filter((change) => group.matches(change.section));
        return changes.length > 0 ? <ChangeTable key={group.title} title={group.title} changes={changes} /> : null;
      })}
    </>
  );
}

/** A version to compare: a choice of the stored versions, or typed when the list is not for this role. */
function VersionField({ field, options, value, onChange, error }: { field: { id: string; label: string }; options: Option[] | null; value: string; onChange: (value: string) => void; error?: string }) {
  return options ? (
    <Select id={field.id} label={field.label} value={value} onChange={onChange} options={options} error={error} />
  ) : (
    <TextInput id={field.id} label={field.label} hint="A version label, for example 2026-11-01.5" value={value} onChange={onChange} error={error} className="govuk-input--width-20" />
  );
}

/** Two versions side by side: every change in words, and how the second widens sharing. */
export function DiffPage() {
  const [params, setParams] = useSearchParams();
  const versions = useQuery({ queryKey: VERSIONS_KEY, queryFn: () => request(VERSIONS) });
  const list = versions.data?.data?.isaPolicyVersions ?? null;
  const fallback = list ? defaults(list) : { from: '', to: '' };
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;
  const [choice, setChoice] = useState<{ from: string; to: string } | null>(null);
  const shown = choice ?? { from, to };
  const diff = useQuery({ queryKey: ['governance', 'diff', from, to], queryFn: () => request(DIFF, { from, to }), enabled: from !== '' && to !== '' });
  const problems = inputProblems(diff.error, FIELDS, FIELDS.from.id);
  const options = list ? list.map((version) => ({ value: version.version, label: `${version.version} (${humanise(version.status).toLowerCase()})` })) : null;

  const compare = (event: FormEvent) => {
    event.preventDefault();
    setParams({ from: shown.from.trim(), to: shown.to.trim() });
    setChoice(null);
  };

  return (
    <ConsolePart title="Compare versions" hasErrors={problems.summary.length > 0}>
      <ErrorSummary errors={problems.summary} />
      {versions.isPending ? <Loading what="the versions" /> : null}
      {versions.isError ? <QueryFailure error={versions.error} retry={() => versions.refetch()} /> : null}
      {!versions.isPending ? (
        <form onSubmit={compare} noValidate>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <VersionField field={FIELDS.from} options={options} value={shown.from} onChange={(value) => setChoice({ ...shown, from: value })} error={problems.at.from} />
            </div>
            <div className="govuk-grid-column-one-half">
              <VersionField field={FIELDS.to} options={options} value={shown.to} onChange={(value) => setChoice({ ...shown, to: value })} error={problems.at.to} />
            </div>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary">Compare</button>
        </form>
      ) : null}
      {diff.isFetching && !diff.data ? <Loading what="the comparison" /> : null}
      {diff.isError && !isBadInput(diff.error) ? <QueryFailure error={diff.error} retry={() => diff.refetch()} /> : null}
      {diff.data?.data ? <DiffResult diff={diff.data.data.policyDiff} /> : null}
    </ConsolePart>
  );
}
