import type {
  CpisRecord, GpRegistration, MaternityEpisode, MentalHealthInvolvement, Patient, SafeguardingCode,
  SubstanceMisuseTreatment, UnscheduledCareAttendance, WasNotBroughtEvent,
} from '../entities';
import { addMonths, withinLast12Months } from '../flags/dates';

/** A patient with every relation loaded: what record mapping and flags read. */
export interface PatientDetails extends Patient {
  gpRegistrations: GpRegistration[];
  safeguardingCodes: SafeguardingCode[];
  unscheduledCareAttendances: UnscheduledCareAttendance[];
  mentalHealthInvolvements: MentalHealthInvolvement[];
  substanceMisuseTreatments: SubstanceMisuseTreatment[];
  maternityEpisodes: MaternityEpisode[];
  wasNotBroughtEvents: WasNotBroughtEvent[];
  cpisRecords: CpisRecord[];
}

// Queries over one patient's records "as of" a reference date, shared by record mapping and flags.

/** The current registration, else the latest ended one, else none. */
export function currentGpRegistration(patient: PatientDetails): GpRegistration | null {
  const current = patient.gpRegistrations.find((registration) => registration.status === 'REGISTERED');
  if (current) return current;
  const latest = [...patient.gpRegistrations].sort((a, b) => b.registeredFrom.localeCompare(a.registeredFrom));
  return latest[0] ?? null;
}

export function activeCpisRecord(patient: PatientDetails, asOf: string): CpisRecord | null {
  const active = patient.cpisRecords.filter(
    (record) => record.startDate <= asOf && (record.endDate === null || record.endDate > asOf),
  );
  return active.sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null;
}

export function activeSafeguardingCodes(patient: PatientDetails, asOf: string): SafeguardingCode[] {
  return patient.safeguardingCodes.filter((code) => code.active && code.recordedDate <= asOf);
}

export function attendancesLast12Months(patient: PatientDetails, asOf: string): UnscheduledCareAttendance[] {
  return patient.unscheduledCareAttendances.filter((attendance) => withinLast12Months(attendance.arrivalAt, asOf));
}

export function wasNotBroughtLast12Months(patient: PatientDetails, asOf: string): WasNotBroughtEvent[] {
  return patient.wasNotBroughtEvents.filter((event) => withinLast12Months(event.appointmentDate, asOf));
}

export function openMentalHealthInvolvements(patient: PatientDetails, asOf: string): MentalHealthInvolvement[] {
  return patient.mentalHealthInvolvements.filter((involvement) => involvement.open && involvement.referralDate <= asOf);
}

export function detainedLast12Months(patient: PatientDetails, asOf: string): boolean {
  return patient.mentalHealthInvolvements.some(
    (involvement) =>
      involvement.mhaDetainedFrom !== null &&
      involvement.mhaDetainedFrom <= asOf &&
      (involvement.mhaDetainedTo === null || involvement.mhaDetainedTo > addMonths(asOf, -12)),
  );
}

export function openSubstanceMisuseTreatments(patient: PatientDetails, asOf: string): SubstanceMisuseTreatment[] {
  return patient.substanceMisuseTreatments.filter((treatment) => treatment.open && treatment.startDate <= asOf);
}

/** The pregnancy that matters now: booked in the last 12 months, or not yet due. */
export function currentMaternityEpisode(patient: PatientDetails, asOf: string): MaternityEpisode | null {
  const relevant = patient.maternityEpisodes.filter(
    (episode) => episode.bookingDate <= asOf && (withinLast12Months(episode.bookingDate, asOf) || episode.edd >= asOf),
  );
  return relevant.sort((a, b) => b.bookingDate.localeCompare(a.bookingDate))[0] ?? null;
}

/** Booking after this many weeks is late (DOMAIN.md 3.1; NICE NG201 aims for booking by 10 weeks). */
export const LATE_BOOKING_WEEKS = 12;
