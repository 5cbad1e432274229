import { useState, type FormEvent } from 'react';
import { Select, TextInput } from '../../components/govuk';
import { humanise } from '../../components/format';
import type { CaseStatus, Pathway, Rag } from '../../gql/graphql';
import { RAGS, type QueueFilters } from './filters';

/** Input ids of the filters, by the argument name the API gives in a BAD_USER_INPUT. */
export const FILTER_IDS: Record<string, string> = {
  rag: 'filter-rag',
  status: 'filter-status',
  overdue: 'filter-overdue',
  pathway: 'filter-pathway',
  assignee: 'filter-assignee',
  mine: 'filter-mine',
};

const BOTH_ASSIGNEES = 'Enter who the cases are assigned to or select "Assigned to me", not both';

/**
 * The queue's filters as a GOV.UK form; "Apply filters" puts them in the address (first page),
 * so the browser's history holds every filtered queue the user looked at. Problems, by the API's
 * argument name, are the page's (its error summary sits above the heading).
 */
export function QueueFilterForm({ filters, apply, refuse, errors }: {
  filters: QueueFilters;
  apply: (filters: QueueFilters) => void;
  refuse: (errors: Record<string, string>) => void;
  errors: Record<string, string>;
}) {
  const [draft, setDraft] = useState(filters);
  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const mineError = errors.mine ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.mine && draft.assignee.trim()) refuse({ mine: BOTH_ASSIGNEES });
    else apply({ ...draft, assignee: draft.assignee.trim(), offset: 0 });
  }

  return (
    <form className="app-queue-filters" onSubmit={submit} noValidate aria-labelledby="queue-filters-heading">
      <h2 className="govuk-heading-m" id="queue-filters-heading">Filter the queue</h2>
      <div className="app-queue-filters__fields">
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="filter-rag-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Rating</legend>
            <div id="filter-rag-hint" className="govuk-hint">None selected shows every rating, cases not rated yet included</div>
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {RAGS.map((rag, index) => (
                <Checkbox
                  key={rag}
                  id={index === 0 ? FILTER_IDS.rag : `${FILTER_IDS.rag}-${rag}`}
                  label={humanise(rag)}
                  checked={draft.rag.includes(rag)}
                  onChange={(checked) => set('rag', RAGS.filter((value: Rag) => (value === rag ? checked : draft.rag.includes(value))))}
                />
              ))}
            </div>
          </fieldset>
        </div>
        <Select
          id={FILTER_IDS.status}
          label="Status"
          value={draft.status ?? 'ANY'}
          onChange={(value) => set('status', value === 'ANY' ? null : (value as CaseStatus))}
          options={[{ value: 'OPEN', label: 'Open' }, { value: 'CLOSED', label: 'Closed' }, { value: 'ANY', label: 'Open or closed' }]}
          error={errors.status}
        />
        <Select
          id={FILTER_IDS.pathway}
          label="Pathway"
          value={draft.pathway ?? ''}
          onChange={(value) => set('pathway', value ? (value as Pathway) : null)}
          options={[{ value: '', label: 'Children and adults' }, { value: 'CHILDREN', label: 'Children' }, { value: 'ADULTS', label: 'Adults' }]}
          error={errors.pathway}
        />
        <TextInput
          id={FILTER_IDS.assignee}
          label="Assigned to"
          hint="The user id they sign in with"
          value={draft.assignee}
          onChange={(value) => set('assignee', value)}
          error={errors.assignee}
          className="govuk-input--width-20"
          spellCheck={false}
        />
        <div className={`govuk-form-group${mineError ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={mineError ? 'filter-mine-error' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show only</legend>
            {mineError ? (
              <p id="filter-mine-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {mineError}
              </p>
            ) : null}
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <Checkbox id={FILTER_IDS.mine} label="Assigned to me" checked={draft.mine} onChange={(checked) => set('mine', checked)} invalid={Boolean(mineError)} />
              <Checkbox id={FILTER_IDS.overdue} label="Overdue" checked={draft.overdue} onChange={(checked) => set('overdue', checked)} />
            </div>
          </fieldset>
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
      </div>
    </form>
  );
}

function Checkbox({ id, label, checked, onChange, invalid }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; invalid?: boolean }) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-invalid={invalid || undefined} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>{label}</label>
    </div>
  );
}
