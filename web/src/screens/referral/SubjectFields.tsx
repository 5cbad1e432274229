import { Select, TextInput, type Option } from '../../components/govuk';
import { DateInput, OnLeave } from './fields';
import { dateLabel, subjectPath, type FieldErrors, type SubjectDraft, type SubjectField } from './form';

const ROLES: Option[] = [
  { value: '', label: 'Choose a role' },
  { value: 'CHILD', label: 'Child' },
  { value: 'SIBLING', label: 'Sibling' },
  { value: 'UNBORN', label: 'Unborn child' },
  { value: 'PARENT', label: 'Parent' },
  { value: 'CARER', label: 'Carer (not a parent)' },
  { value: 'PARTNER', label: 'Partner' },
  { value: 'ADULT_AT_RISK', label: 'Adult at risk' },
  { value: 'ALLEGED_PERPETRATOR', label: 'Alleged perpetrator' },
  { value: 'OTHER_ADULT', label: 'Other adult' },
];

const GENDERS: Option[] = [
  { value: '', label: 'Not given' },
  { value: 'FEMALE', label: 'Female' },
  { value: 'MALE', label: 'Male' },
  { value: 'OTHER', label: 'Other' },
  { value: 'UNKNOWN', label: 'Not known' },
];

/** One person the referral names, in a fieldset headed "Person N"; ids are `subjects-N-<field>`. */
export function SubjectFields({ index, subject, errors, canRemove, change, leave, remove }: {
  index: number;
  subject: SubjectDraft;
  errors: FieldErrors;
  canRemove: boolean;
  change: (patch: Partial<SubjectDraft>, field: SubjectField) => void;
  leave: (field: SubjectField) => void;
  remove: () => void;
}) {
  const id = (field: SubjectField) => `subjects-${index}-${field}`;
  const error = (field: SubjectField) => errors[subjectPath(index, field)] ?? null;
  const textField = (field: 'givenName' | 'familyName' | 'addressLine' | 'postcode' | 'nhsNumber' | 'upn' | 'pncId', label: string, extra: { hint?: string; className?: string; inputMode?: 'numeric' } = {}) => (
    <OnLeave onLeave={() => leave(field)}>
      <TextInput id={id(field)} label={label} value={subject[field]} onChange={(value) => change({ [field]: value }, field)} error={error(field)} spellCheck={false} {...extra} />
    </OnLeave>
  );
  const unborn = subject.householdRole === 'UNBORN';
  return (
    <fieldset className="govuk-fieldset app-person" aria-describedby={`subjects-${index}-hint`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        <h3 className="govuk-fieldset__heading">Person {index + 1}</h3>
      </legend>
      <div id={`subjects-${index}-hint`} className="govuk-hint">Give a date of birth or at least one of NHS number, UPN or PNC ID, so the agencies can find them</div>
      <OnLeave onLeave={() => leave('householdRole')}>
        <Select id={id('householdRole')} label="Role in the household" value={subject.householdRole} onChange={(value) => change({ householdRole: value as SubjectDraft['householdRole'] }, 'householdRole')} options={ROLES} error={error('householdRole')} />
      </OnLeave>
      {textField('givenName', 'Given names (optional)', { className: 'govuk-!-width-two-thirds' })}
      {textField('familyName', 'Family name', { className: 'govuk-!-width-two-thirds' })}
      <DateInput
        id={`subjects-${index}-dateOfBirth`}
        legend={`${dateLabel(subject)} (optional)`}
        hint={unborn ? 'Up to ten months ahead, for example 27 3 2027' : 'For example, 27 3 2014'}
        value={{ day: subject.dobDay, month: subject.dobMonth, year: subject.dobYear }}
        onChange={({ day, month, year }) => change({ dobDay: day, dobMonth: month, dobYear: year }, 'dateOfBirth')}
        onLeave={() => leave('dateOfBirth')}
        error={error('dateOfBirth')}
      />
      <Select id={id('gender')} label="Gender (optional)" value={subject.gender} onChange={(value) => change({ gender: value as SubjectDraft['gender'] }, 'gender')} options={GENDERS} />
      {textField('addressLine', 'Address (optional)', { hint: 'Without the postcode' })}
      {textField('postcode', 'Postcode (optional)', { className: 'govuk-input--width-10' })}
      {textField('nhsNumber', 'NHS number (optional)', { hint: '10 digits, for example 943 476 5919', className: 'govuk-input--width-10', inputMode: 'numeric' })}
      {textField('upn', 'Unique pupil number (UPN) (optional)', { hint: '13 characters: a check letter then 12 characters, for example G937200124001', className: 'govuk-input--width-20' })}
      {textField('pncId', 'PNC ID (optional)', { hint: 'Police National Computer ID, for example 2019/0123456E', className: 'govuk-input--width-20' })}
      {canRemove ? (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={remove}>
          Remove<span className="govuk-visually-hidden"> person {index + 1}</span>
        </button>
      ) : null}
    </fieldset>
  );
}
