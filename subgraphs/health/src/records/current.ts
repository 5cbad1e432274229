import { addMonths, ageOn, openOn, withinLast12Months } from '@mash/shared';
import type { AttendancePresentation } from '../entities/code-lists';
import type { PatientDetails } from './load';

// What one patient's records say "as of" a reference date, shared by the disclosed record and the flags.

/** Booking after this many weeks is late (DOMAIN.md 3.1; NICE NG201 aims for booking by 10 weeks). */
export const LATE_BOOKING_WEEKS = 12;

export function isChild(dateOfBirth: string | null | undefined, asOf: string): boolean {
  return !!dateOfBirth && ageOn(dateOfBirth, asOf) < 18;
}

type Registration = PatientDetails['gpRegistrations'][number];

/** The current registration, else the latest ended one, else none. */
export function currentGpRegistration(patient: Pick<PatientDetails, 'gpRegistrations'>): Registration | null {
  const current = patient.gpRegistrations.find((registration) => registration.status === 'REGISTERED');
  if (current) return current;
  const latest = [...patient.gpRegistrations].sort((a, b) => b.registeredFrom.localeCompare(a.registeredFrom));
  return latest[0] ?? null;
}

export function activeCpisRecord(patient: PatientDetails, asOf: string): PatientDetails['cpisRecords'][number] | null {
  const active = patient.cpisRecords.filter((record) => openOn(record.startDate, record.endDate, asOf));
  return active.sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null;
}

export function activeSafeguardingCodes(patient: PatientDetails, asOf: string): PatientDetails['safeguardingCodes'] {
  return patient.safeguardingCodes.filter((code) => code.active && code.recordedDate <= asOf);
}

export function attendancesLast12Months(patient: PatientDetails, asOf: string): PatientDetails['unscheduledCareAttendances'] {
  return patient.unscheduledCareAttendances.filter((attendance) => withinLast12Months(attendance.arrivedOn, asOf));
}

/** Attendances in the last 12 months presenting with one of `presentations`. */
export function attendancesFor(
  patient: PatientDetails,
  asOf: string,
  presentations: readonly AttendancePresentation[],
): PatientDetails['unscheduledCareAttendances'] {
  return attendancesLast12Months(patient, asOf).filter((attendance) => attendance.presentation !== null && presentations.includes(attendance.presentation));
}

export function activeFgmRecords(patient: PatientDetails, asOf: string): PatientDetails['fgmRecords'] {
  return patient.fgmRecords.filter((record) => record.active && record.recordedDate <= asOf);
}

/** The latest of some ISO dates (they sort as strings), or null when there are none. */
export function latest(dates: readonly (string | null | undefined)[]): string | null {
  return dates.filter((date): date is string => !!date).sort().at(-1) ?? null;
}

export function wasNotBroughtLast12Months(patient: PatientDetails, asOf: string): PatientDetails['wasNotBroughtEvents'] {
  return patient.wasNotBroughtEvents.filter((event) => withinLast12Months(event.appointmentDate, asOf));
}

export function openMentalHealthInvolvements(patient: PatientDetails, asOf: string): PatientDetails['mentalHealthInvolvements'] {
  return patient.mentalHealthInvolvements.filter((involvement) => involvement.open && involvement.referralDate <= asOf);
}

/** Detentions under the Mental Health Act in force at any time in the last 12 months. */
export function detentionsLast12Months(patient: PatientDetails, asOf: string): PatientDetails['mentalHealthInvolvements'] {
  return patient.mentalHealthInvolvements.filter(
    (involvement) =>
      involvement.mhaDetainedFrom !== null &&
      involvement.mhaDetainedFrom <= asOf &&
      (involvement.mhaDetainedTo === null || involvement.mhaDetainedTo > addMonths(asOf, -12)),
  );
}

export function detainedLast12Months(patient: PatientDetails, asOf: string): boolean {
  return detentionsLast12Months(patient, asOf).length > 0;
}

export function openSubstanceMisuseTreatments(patient: PatientDetails, asOf: string): PatientDetails['substanceMisuseTreatments'] {
  return patient.substanceMisuseTreatments.filter((treatment) => treatment.open && treatment.startDate <= asOf);
}

/** The pregnancy that matters now: booked in the last 12 months, or not yet due. */
export function currentMaternityEpisode(patient: PatientDetails, asOf: string): PatientDetails['maternityEpisodes'][number] | null {
  const relevant = patient.maternityEpisodes.filter(
    (episode) => episode.bookingDate <= asOf && (withinLast12Months(episode.bookingDate, asOf) || episode.edd >= asOf),
  );
  return relevant.sort((a, b) => b.bookingDate.localeCompare(a.bookingDate))[0] ?? null;
}
