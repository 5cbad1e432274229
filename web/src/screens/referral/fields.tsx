import type { FocusEvent, ReactNode } from 'react';

/**
 * Calls `onLeave` when focus leaves everything inside (not when it moves between a group's own
 * inputs). Not when it goes to a button: the button's action decides (sending checks every field),
 * and a message appearing as the pointer presses would move the button from under the click.
 */
export function OnLeave({ onLeave, children }: { onLeave: () => void; children: ReactNode }) {
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget;
    if (to instanceof HTMLButtonElement || event.currentTarget.contains(to)) return;
    onLeave();
  };
  return <div onBlur={leave}>{children}</div>;
}

function ErrorMessage({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** GOV.UK date input: day, month and year in a fieldset; the day box carries `${id}-day` (the error summary's target). */
export function DateInput({ id, legend, hint, error, value, onChange, onLeave }: {
  id: string;
  legend: string;
  hint: string;
  error?: string | null;
  value: DateParts;
  onChange: (value: DateParts) => void;
  onLeave: () => void;
}) {
  const parts: { part: keyof DateParts; label: string; width: string }[] = [
    { part: 'day', label: 'Day', width: 'govuk-input--width-2' },
    { part: 'month', label: 'Month', width: 'govuk-input--width-2' },
    { part: 'year', label: 'Year', width: 'govuk-input--width-4' },
  ];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <OnLeave onLeave={onLeave}>
        <fieldset className="govuk-fieldset" role="group" aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
          <div id={`${id}-hint`} className="govuk-hint">{hint}</div>
          <ErrorMessage id={`${id}-error`} error={error} />
          <div className="govuk-date-input" id={id}>
            {parts.map(({ part, label, width }) => (
              <div className="govuk-date-input__item" key={part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>{label}</label>
                  <input
                    className={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
                    id={`${id}-${part}`}
                    name={`${id}-${part}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={value[part]}
                    onChange={(event) => onChange({ ...value, [part]: event.target.value })}
                    aria-invalid={error ? true : undefined}
                  />
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </OnLeave>
    </div>
  );
}

/** One GOV.UK checkbox in its own form group (a yes/no question with the label as the question). */
export function Checkbox({ id, label, hint, error, checked, onChange }: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <ErrorMessage id={`${id}-error`} error={error} />
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>{label}</label>
          {hint ? <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">{hint}</div> : null}
        </div>
      </div>
    </div>
  );
}
