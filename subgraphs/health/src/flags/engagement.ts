import { ageOn, FlagSeverityValue, identityUnresolvedFlag, type Flag, type PersonFacts } from '@mash/shared';
import {
  activeCpisRecord, activeSafeguardingCodes, attendancesLast12Months, currentGpRegistration, currentMaternityEpisode,
  detainedLast12Months, LATE_BOOKING_WEEKS, openMentalHealthInvolvements, openSubstanceMisuseTreatments,
  wasNotBroughtLast12Months, type PatientDetails,
} from '../records/patient-details';
import { isoDate } from './dates';

/** Health's triangulation findings (DOMAIN.md 3.2 and 7). Each returns a flag or null. */

const flag = (code: string, severity: FlagSeverityValue, summary: string): Flag => ({ code, severity, summary });
const { RED, AMBER } = FlagSeverityValue;

const CPIS_PLAN_WORDS = { CPP: 'child protection plan', CLA: 'looked after child', UNBORN_CPP: 'unborn child protection plan' };
const ADULT_MH_SERVICES = new Set(['AMHS', 'CRISIS', 'PERINATAL', 'EIP']);

function isChild(dateOfBirth: string | null | undefined, asOf: string): boolean {
  return !!dateOfBirth && ageOn(dateOfBirth, asOf) < 18;
}

/**
 * A child with no current GP registration. With no record at all (NOT_KNOWN) health can still say
 * so: being unknown to health is itself the finding (DOMAIN.md 3.2).
 */
export function notRegisteredWithGp(subject: PersonFacts, patient: PatientDetails | null, asOf: string): Flag | null {
  if (!isChild(subject.dateOfBirth ?? patient?.dateOfBirth, asOf)) return null;
  if (!patient) return flag('NOT_REGISTERED_WITH_GP', AMBER, 'Not known to health: no GP registration found');
  const registration = currentGpRegistration(patient);
  if (registration?.status === 'REGISTERED') return null;
  const why = registration
    ? `registration ${registration.status === 'DEDUCTED' ? 'deducted' : 'ended'} on ${registration.registeredTo}`
    : 'never registered';
  return flag('NOT_REGISTERED_WITH_GP', AMBER, `Child known to health but not registered with a GP (${why})`);
}

export function wasNotBrought(patient: PatientDetails, asOf: string): Flag | null {
  if (!isChild(patient.dateOfBirth, asOf)) return null;
  const count = wasNotBroughtLast12Months(patient, asOf).length;
  return count >= 2 ? flag('WAS_NOT_BROUGHT_12M', AMBER, `Not brought to ${count} health appointments in the last 12 months`) : null;
}

export function repeatUnscheduledCare(patient: PatientDetails, asOf: string): Flag | null {
  const count = attendancesLast12Months(patient, asOf).length;
  return count >= 3 ? flag('REPEAT_ED_ATTENDANCE_12M', AMBER, `${count} ED/MIU attendances in the last 12 months`) : null;
}

/** Any injury to a baby under one: a non-mobile infant should not be injured (DOMAIN.md 3.2). */
export function injuryInInfant(patient: PatientDetails): Flag | null {
  const injured = patient.unscheduledCareAttendances
    .filter((attendance) => attendance.injury && ageOn(patient.dateOfBirth, isoDate(attendance.arrivalAt)) < 1)
    .map((attendance) => isoDate(attendance.arrivalAt))
    .sort();
  if (injured.length === 0) return null;
  return flag('INJURY_INFANT_UNDER_1', RED, `Attended with an injury while under one year old (latest ${injured.at(-1)})`);
}

export function cpis(patient: PatientDetails, asOf: string): Flag | null {
  const record = activeCpisRecord(patient, asOf);
  if (!record) return null;
  const words = CPIS_PLAN_WORDS[record.planType];
  return flag('CPIS_FLAG', RED, `CP-IS flag: ${words} since ${record.startDate} (${record.responsibleLa})`);
}

export function activeSafeguardingCode(patient: PatientDetails, asOf: string): Flag | null {
  const terms = [...new Set(activeSafeguardingCodes(patient, asOf).map((code) => code.term))];
  return terms.length > 0 ? flag('ACTIVE_SAFEGUARDING_CODE', AMBER, `GP record safeguarding code: ${terms.join('; ')}`) : null;
}

/** An adult open to adult, crisis, perinatal or psychosis services, or detained in 12 months: toxic-trio input. */
export function parentMentalHealth(patient: PatientDetails, asOf: string): Flag | null {
  if (isChild(patient.dateOfBirth, asOf)) return null;
  const open = openMentalHealthInvolvements(patient, asOf).some((involvement) => ADULT_MH_SERVICES.has(involvement.service));
  const detained = detainedLast12Months(patient, asOf);
  if (!open && !detained) return null;
  const words = [open && 'open to a mental health service', detained && 'detained under the Mental Health Act in the last 12 months'];
  return flag('PARENT_MENTAL_HEALTH', AMBER, `Adult ${words.filter(Boolean).join(' and ')}`);
}

export function parentSubstanceMisuse(patient: PatientDetails, asOf: string): Flag | null {
  if (isChild(patient.dateOfBirth, asOf)) return null;
  return openSubstanceMisuseTreatments(patient, asOf).length > 0
    ? flag('PARENT_SUBSTANCE_MISUSE', AMBER, 'Adult open to a substance misuse treatment service')
    : null;
}

export function lateBooking(patient: PatientDetails, asOf: string): Flag | null {
  const episode = currentMaternityEpisode(patient, asOf);
  if (!episode || episode.gestationAtBookingWeeks <= LATE_BOOKING_WEEKS) return null;
  return flag('LATE_BOOKING', AMBER, `Pregnancy booked late, at ${episode.gestationAtBookingWeeks} weeks (due ${episode.edd})`);
}

/** AMBIGUOUS: nothing about the candidates is certain, so the only finding is that identity needs resolving. */
export function identityUnresolved(candidates: number): Flag {
  return identityUnresolvedFlag('health records', candidates);
}
