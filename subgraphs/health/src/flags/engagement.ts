import { FlagSeverityValue, type Flag, type PersonFacts } from '@mash/shared';
import { currentGpRegistration, isChild, latest, wasNotBroughtLast12Months } from '../records/current';
import type { PatientDetails } from '../records/load';

/**
 * A child with no current GP registration. With no record at all (NOT_KNOWN) health can still say
 * so: being unknown to health is itself the finding (DOMAIN.md 3.2). Dated when a registration
 * ended; a present state (never registered, not known) has no date.
 */
export function notRegisteredWithGp(subject: PersonFacts, patient: PatientDetails | null, asOf: string): Flag | null {
  if (!isChild(subject.dateOfBirth ?? patient?.dateOfBirth, asOf)) return null;
  if (!patient) return { code: 'NOT_REGISTERED_WITH_GP', severity: FlagSeverityValue.AMBER, summary: 'Not known to health: no GP registration found', date: null };
  const registration = currentGpRegistration(patient);
  if (registration?.status === 'REGISTERED') return null;
  const why = registration
    ? `registration ${registration.status === 'DEDUCTED' ? 'deducted' : 'ended'} on ${registration.registeredTo}`
    : 'never registered';
  return {
    code: 'NOT_REGISTERED_WITH_GP',
    severity: FlagSeverityValue.AMBER,
    summary: `Child known to health but not registered with a GP (${why})`,
    date: registration?.registeredTo ?? null,
  };
}

/** "Was not brought", not "did not attend": a child cannot bring themself (DOMAIN.md 3.2). */
export function wasNotBrought(patient: PatientDetails, asOf: string): Flag | null {
  if (!isChild(patient.dateOfBirth, asOf)) return null;
  const events = wasNotBroughtLast12Months(patient, asOf);
  if (events.length < 2) return null;
  return {
    code: 'WAS_NOT_BROUGHT_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `Not brought to ${events.length} health appointments in the last 12 months`,
    date: latest(events.map((event) => event.appointmentDate)),
  };
}
