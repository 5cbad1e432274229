import { GraphQLError } from 'graphql';
import { HouseholdRole } from '../hub/entities/enums';
import type { SubjectInput } from '../hub/inputs/referral.input';
import { Problems, type Problem } from '../hub/validation/problems';
import { validateNewSubject, type NormalisedSubject } from '../hub/validation/referral.validation';
import { DashRisk, DomesticAbuseRole, ScreeningOutcome } from './entities/enums';
import type { DomesticAbuseNotificationInput, DomesticAbusePersonInput, ScreenDomesticAbuseNotificationInput } from './inputs/notification.input';

const MAX_PEOPLE = 30;
const POLICE_REFERENCE = /^[A-Za-z0-9/_.:-]{1,64}$/;
/** Clocks of the force's system and the hub differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface NormalisedPerson extends NormalisedSubject {
  role: DomesticAbuseRole;
}

export interface ValidNotification {
  policeReference: string;
  policeForce: string | null;
  incidentAt: Date;
  dashRisk: DashRisk.STANDARD | DashRisk.MEDIUM;
  childrenPresent: boolean;
  summary: string | null;
  people: NormalisedPerson[];
}

/** Checks a notification whole; throws BAD_USER_INPUT naming every bad field, or returns it normalised. */
export function validateNotification(input: DomesticAbuseNotificationInput, now: Date): ValidNotification {
  const problems = new Problems();
  const reference = input.policeReference?.trim() ?? '';
  if (!POLICE_REFERENCE.test(reference)) problems.add('policeReference', 'is required: 1-64 letters, digits and / _ . : -');
  problems.text('policeForce', input.policeForce, { max: 100, label: 'Police force' });
  problems.text('summary', input.summary, { max: 4000, label: 'Summary' });
  const incidentAt = new Date(input.incidentAt);
  if (Number.isNaN(incidentAt.getTime())) problems.add('incidentAt', 'is not a date and time');
  else if (incidentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.add('incidentAt', 'is in the future');
  if (input.dashRisk === DashRisk.HIGH) {
    // High risk goes to MARAC and is referred to the MASH at once; a queue would delay it.
    problems.add('dashRisk', 'HIGH risk incidents are not screened in this queue: refer them to MARAC and to the MASH as a referral (receiveReferral)');
  }
  if (input.people.length === 0) problems.add('people', 'a notification names at least one person');
  if (input.people.length > MAX_PEOPLE) problems.add('people', `at most ${MAX_PEOPLE} people per notification`);
  if (input.childrenPresent && !input.people.some((person) => person.role === DomesticAbuseRole.CHILD)) {
    problems.add('people', 'children were present: name at least one CHILD so their school can be told (Operation Encompass)');
  }
  const people = input.people.slice(0, MAX_PEOPLE).map((person, index) => validatePerson(person, `people[${index}]`, problems, now));
  problems.throwIfAny('domestic abuse notification');
  return {
    policeReference: reference,
    policeForce: input.policeForce?.trim() || null,
    incidentAt,
    dashRisk: input.dashRisk as DashRisk.STANDARD | DashRisk.MEDIUM,
    childrenPresent: input.childrenPresent,
    summary: input.summary?.trim() || null,
    people,
  };
}

/** The referral subject checks, reported at this person's place in the notification. */
function validatePerson(person: DomesticAbusePersonInput, path: string, problems: Problems, now: Date): NormalisedPerson {
  const { role, ...demographics } = person;
  const subject: SubjectInput = { ...demographics, householdRole: role === DomesticAbuseRole.CHILD ? HouseholdRole.CHILD : HouseholdRole.OTHER_ADULT };
  try {
    return { ...validateNewSubject(subject, now), role };
  } catch (error) {
    const found = (error as GraphQLError).extensions?.problems as Problem[] | undefined;
    if (!found) throw error;
    for (const problem of found) problems.add(problem.field.replace(/^subject\./, `${path}.`), problem.message);
    return { ...subject, role, nhsNumber: null, upn: null, pncId: null, postcode: null };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a screening decision before anything is read or written. */
export function validateScreening(input: ScreenDomesticAbuseNotificationInput): void {
  const problems = new Problems();
  if (!UUID.test(input.id)) problems.add('id', 'is not an id (ids are UUIDs, as domesticAbuseQueue returns them)');
  problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
  if (input.outcome === ScreeningOutcome.EARLY_HELP_OFFER && input.consentRecorded !== true) {
    // Standard-risk incidents are shared for early help only with the person's consent (DOMAIN.md).
    problems.add('consentRecorded', 'an early-help offer needs the family\'s consent recorded (consentRecorded: true); without it, choose NO_FURTHER_ACTION or ESCALATE_TO_CASE');
  }
  if (input.rag && input.outcome !== ScreeningOutcome.ESCALATE_TO_CASE) problems.add('rag', 'a rating is given only when escalating to a case');
  problems.throwIfAny('screening');
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
