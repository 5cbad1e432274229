import type { RecordContext } from '@mash/shared';
import type { VerificationStatus } from '../entities/code-lists';
import { GENDER } from '../matching/patient-facts';
import {
  CpisPlanTypeValue, GpRegistrationStatusValue, MaternityConcernValue, MentalHealthServiceValue, NhsNumberVerificationValue,
} from '../types/enums';
import type { HealthRecord } from '../types/health-record.type';
import type { MaternitySummary, UnscheduledCareSummary } from '../types/health-summaries.type';
import {
  activeCpisRecord, activeSafeguardingCodes, attendancesLast12Months, currentGpRegistration, currentMaternityEpisode,
  detainedLast12Months, LATE_BOOKING_WEEKS, openMentalHealthInvolvements, openSubstanceMisuseTreatments, wasNotBroughtLast12Months,
} from './current';
import type { PatientDemographics, PatientDetails } from './load';

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

/**
 * Identity only, for a possible (AMBIGUOUS) match: PDS demographics, no registration or care
 * history. A restricted (PDS sensitive) record never carries its address, postcode or UPRN: those
 * can locate someone who has fled abuse (DOMAIN.md 6.2), so they are dropped here, before any
 * grant is considered.
 */
export function identityRecord(patient: PatientDemographics): HealthRecord {
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
    gpRegistrationStatus: null,
    registeredPractice: null,
    cpis: null,
    activeSafeguardingCodes: null,
    unscheduledCare: null,
    wasNotBroughtLast12Months: null,
    openMentalHealthServices: null,
    mentalHealthActDetentionLast12Months: null,
    openToSubstanceMisuseService: null,
    substanceMisuseProvider: null,
    maternity: null,
    protectedContact: null,
  };
}

/**
 * The summary a safeguarding nurse would share for a confirmed match (DOMAIN.md 6.3). A
 * restricted record's GP practice is withheld too, as its address is (`identityRecord`).
 */
export function patientRecord(patient: PatientDetails, context: RecordContext): HealthRecord {
  const { asOf } = context;
  const registration = currentGpRegistration(patient);
  const cpis = activeCpisRecord(patient, asOf);
  const substance = openSubstanceMisuseTreatments(patient, asOf);
  return {
    ...identityRecord(patient),
    gpRegistrationStatus: registration ? GpRegistrationStatusValue[registration.status] : GpRegistrationStatusValue.NOT_REGISTERED,
    registeredPractice:
      !patient.restricted && registration?.status === 'REGISTERED'
        ? { odsCode: registration.practiceOdsCode, name: registration.practiceName, registeredFrom: registration.registeredFrom }
        : null,
    cpis: cpis ? { planType: CpisPlanTypeValue[cpis.planType], startDate: cpis.startDate, responsibleLocalAuthority: cpis.responsibleLa } : null,
    activeSafeguardingCodes: activeSafeguardingCodes(patient, asOf).map(({ snomedConceptId, term, recordedDate }) => ({ snomedConceptId, term, recordedDate })),
    unscheduledCare: unscheduledCareSummary(patient, asOf),
    wasNotBroughtLast12Months: wasNotBroughtLast12Months(patient, asOf).length,
    openMentalHealthServices: [...new Set(openMentalHealthInvolvements(patient, asOf).map((involvement) => MentalHealthServiceValue[involvement.service]))],
    mentalHealthActDetentionLast12Months: detainedLast12Months(patient, asOf),
    openToSubstanceMisuseService: substance.length > 0,
    substanceMisuseProvider: substance[0]?.provider ?? null,
    maternity: maternitySummary(patient, context),
    // DOMAIN.md 6.2: what PDS holds for a restricted patient, as a RESTRICTED field the gateway never
    // releases automatically (the plain address and practice fields above stay null for them).
    protectedContact: patient.restricted
      ? {
          addressLine: patient.addressLine,
          postcode: patient.postcode,
          uprn: patient.uprn,
          practiceOdsCode: registration?.status === 'REGISTERED' ? registration.practiceOdsCode : null,
          practiceName: registration?.status === 'REGISTERED' ? registration.practiceName : null,
        }
      : null,
  };
}

function unscheduledCareSummary(patient: PatientDetails, asOf: string): UnscheduledCareSummary {
  const attendances = attendancesLast12Months(patient, asOf);
  return {
    attendancesLast12Months: attendances.length,
    anyInjury: attendances.some((attendance) => attendance.injury),
    anySafeguardingConcern: attendances.some((attendance) => attendance.safeguardingConcern),
    lastAttendedOn: attendances.map((attendance) => attendance.arrivedOn).sort().at(-1) ?? null,
  };
}

function maternitySummary(patient: PatientDetails, context: RecordContext): MaternitySummary | null {
  const episode = currentMaternityEpisode(patient, context.asOf);
  if (!episode) return null;
  return {
    bookingDate: episode.bookingDate,
    gestationAtBookingWeeks: episode.gestationAtBookingWeeks,
    lateBooking: episode.gestationAtBookingWeeks > LATE_BOOKING_WEEKS,
    edd: episode.edd,
    antenatalAppointmentsMissed: episode.antenatalDnaCount,
    concernsAtBooking: episode.concernsAtBooking
      // A domestic-abuse concern from the booking enquiry is a DA-derived item; it carries no DASH
      // grading, so the grant's rule keeps it (an ungraded item is not known to be standard risk).
      .filter((concern) => concern !== 'DOMESTIC_ABUSE' || context.disclose.domesticAbuse(null))
      .map((concern) => MaternityConcernValue[concern]),
  };
}
