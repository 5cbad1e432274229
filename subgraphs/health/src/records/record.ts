import { GenderValue } from '@mash/shared';
import type { PatientGender, VerificationStatus } from '../entities/code-lists';
import { isoDate } from '../flags/dates';
import {
  CpisPlanTypeValue, GpRegistrationStatusValue, MaternityConcernValue, MentalHealthServiceValue, NhsNumberVerificationValue,
} from '../types/enums';
import type { HealthRecord } from '../types/health-record.type';
import type { MaternitySummary, UnscheduledCareSummary } from '../types/health-summaries.type';
import {
  activeCpisRecord, activeSafeguardingCodes, attendancesLast12Months, currentGpRegistration, currentMaternityEpisode,
  detainedLast12Months, LATE_BOOKING_WEEKS, openMentalHealthInvolvements, openSubstanceMisuseTreatments,
  wasNotBroughtLast12Months, type PatientDetails,
} from './patient-details';

const VERIFICATION: Record<VerificationStatus, NhsNumberVerificationValue> = {
  '01': NhsNumberVerificationValue.VERIFIED,
  '02': NhsNumberVerificationValue.PRESENT_NOT_TRACED,
  '03': NhsNumberVerificationValue.TRACE_REQUIRED,
  '04': NhsNumberVerificationValue.TRACE_NO_OR_MULTIPLE_MATCH,
  '05': NhsNumberVerificationValue.TRACE_NEEDS_RESOLVING,
  '06': NhsNumberVerificationValue.TRACE_IN_PROGRESS,
  '07': NhsNumberVerificationValue.NOT_PRESENT_TRACE_NOT_REQUIRED,
  '08': NhsNumberVerificationValue.TRACE_POSTPONED,
};

export const GENDER: Record<PatientGender, GenderValue> = {
  male: GenderValue.MALE,
  female: GenderValue.FEMALE,
  other: GenderValue.OTHER,
  unknown: GenderValue.UNKNOWN,
};

/**
 * The summary a safeguarding nurse would share (DOMAIN.md 6.3). A restricted (PDS sensitive)
 * record never carries its address, postcode, UPRN or GP practice: those can locate someone who
 * has fled abuse (DOMAIN.md 6.2), so they are dropped here, before any grant is considered.
 */
export function toHealthRecord(patient: PatientDetails, asOf: string): HealthRecord {
  const registration = currentGpRegistration(patient);
  const cpis = activeCpisRecord(patient, asOf);
  const substance = openSubstanceMisuseTreatments(patient, asOf);
  const visible = !patient.restricted;
  return {
    id: patient.id,
    nhsNumber: patient.nhsNumber,
    nhsNumberVerification: VERIFICATION[patient.nhsNumberVerification],
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    gender: GENDER[patient.gender],
    deceasedDate: patient.deceasedDate,
    restricted: patient.restricted,
    addressLine: visible ? patient.addressLine : null,
    postcode: visible ? patient.postcode : null,
    uprn: visible ? patient.uprn : null,
    gpRegistrationStatus: registration ? GpRegistrationStatusValue[registration.status] : GpRegistrationStatusValue.NOT_REGISTERED,
    registeredPractice:
      visible && registration?.status === 'REGISTERED'
        ? { odsCode: registration.practiceOdsCode, name: registration.practiceName, registeredFrom: registration.registeredFrom }
        : null,
    cpis: cpis
      ? { planType: CpisPlanTypeValue[cpis.planType], startDate: cpis.startDate, responsibleLocalAuthority: cpis.responsibleLa }
      : null,
    activeSafeguardingCodes: activeSafeguardingCodes(patient, asOf).map((code) => ({
      snomedConceptId: code.snomedConceptId,
      term: code.term,
      recordedDate: code.recordedDate,
    })),
    unscheduledCare: unscheduledCareSummary(patient, asOf),
    wasNotBroughtLast12Months: wasNotBroughtLast12Months(patient, asOf).length,
    openMentalHealthServices: [
      ...new Set(openMentalHealthInvolvements(patient, asOf).map((involvement) => MentalHealthServiceValue[involvement.service])),
    ],
    mentalHealthActDetentionLast12Months: detainedLast12Months(patient, asOf),
    openToSubstanceMisuseService: substance.length > 0,
    substanceMisuseProvider: substance[0]?.provider ?? null,
    maternity: maternitySummary(patient, asOf),
  };
}

function unscheduledCareSummary(patient: PatientDetails, asOf: string): UnscheduledCareSummary {
  const attendances = attendancesLast12Months(patient, asOf);
  const latest = attendances.map((attendance) => isoDate(attendance.arrivalAt)).sort().at(-1) ?? null;
  return {
    attendancesLast12Months: attendances.length,
    anyInjury: attendances.some((attendance) => attendance.injury),
    anySafeguardingConcern: attendances.some((attendance) => attendance.safeguardingConcern),
    lastAttendedOn: latest,
  };
}

function maternitySummary(patient: PatientDetails, asOf: string): MaternitySummary | null {
  const episode = currentMaternityEpisode(patient, asOf);
  if (!episode) return null;
  return {
    bookingDate: episode.bookingDate,
    gestationAtBookingWeeks: episode.gestationAtBookingWeeks,
    lateBooking: episode.gestationAtBookingWeeks > LATE_BOOKING_WEEKS,
    edd: episode.edd,
    antenatalAppointmentsMissed: episode.antenatalDnaCount,
    concernsAtBooking: episode.concernsAtBooking.map((concern) => MaternityConcernValue[concern]),
  };
}
