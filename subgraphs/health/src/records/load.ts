import type { AgencyStore } from '@mash/shared';
import type {
  AttendancePresentation, BookingConcern, CpisPlanTypeCode, FgmRecordKind, GpRegistrationStatusCode, MentalHealthServiceCode, SafeguardingConceptId,
} from '../entities/code-lists';
import type { PatientCandidate } from '../matching/candidates';

/** The PDS demographics of a patient: what identifies them, without their history. */
export type PatientDemographics = Omit<PatientCandidate, 'blockingKeys'>;

/**
 * A matched patient with everything its disclosed summary and flags are made from, as one JSON
 * document. Only the columns those read are loaded: no sites, complaints or risk narratives.
 */
export interface PatientDetails extends PatientDemographics {
  gpRegistrations: { practiceOdsCode: string; practiceName: string; registeredFrom: string; registeredTo: string | null; status: GpRegistrationStatusCode }[];
  safeguardingCodes: { snomedConceptId: SafeguardingConceptId; term: string; recordedDate: string; active: boolean }[];
  /** `arrivedOn`: the UTC day of arrival, the only part of the time any window or age reads. */
  unscheduledCareAttendances: { arrivedOn: string; injury: boolean; safeguardingConcern: boolean; presentation: AttendancePresentation | null }[];
  mentalHealthInvolvements: { service: MentalHealthServiceCode; open: boolean; referralDate: string; mhaDetainedFrom: string | null; mhaDetainedTo: string | null }[];
  substanceMisuseTreatments: { provider: string; open: boolean; startDate: string }[];
  maternityEpisodes: {
    bookingDate: string; gestationAtBookingWeeks: number; edd: string; deliveryDate: string | null; antenatalDnaCount: number; concernsAtBooking: BookingConcern[];
  }[];
  wasNotBroughtEvents: { appointmentDate: string }[];
  cpisRecords: { planType: CpisPlanTypeCode; startDate: string; endDate: string | null; responsibleLa: string }[];
  fgmRecords: { kind: FgmRecordKind; recordedDate: string; active: boolean }[];
}

const each = (select: string, from: string) => `COALESCE((SELECT json_agg(json_build_object(${select})) FROM ${from} x WHERE x.patient_id = p.id), '[]'::json)`;

/**
 * One round trip for the matched patients: each one-to-many table aggregated into JSON per patient
 * by a correlated subquery on its patient index. Joining all eight and hydrating entities instead
 * multiplied rows per patient and took the planner longer than the query at 1M patients.
 */
const DETAILS_SQL = `
SELECT json_build_object(
  'id', p.id, 'nhsNumber', p.nhs_number, 'nhsNumberVerification', p.nhs_number_verification, 'givenName', p.given_name,
  'familyName', p.family_name, 'dateOfBirth', p.date_of_birth, 'gender', p.gender, 'deceasedDate', p.deceased_date,
  'restricted', p.restricted, 'addressLine', p.address_line, 'postcode', p.postcode, 'uprn', p.uprn,
  'gpRegistrations', ${each(`'practiceOdsCode', x.practice_ods_code, 'practiceName', x.practice_name, 'registeredFrom', x.registered_from,
      'registeredTo', x.registered_to, 'status', x.status`, 'gp_registration')},
  'safeguardingCodes', ${each(`'snomedConceptId', x.snomed_concept_id, 'term', x.term, 'recordedDate', x.recorded_date, 'active', x.active`, 'safeguarding_code')},
  'unscheduledCareAttendances', ${each(`'arrivedOn', (x.arrival_at AT TIME ZONE 'UTC')::date, 'injury', x.injury,
      'safeguardingConcern', x.safeguarding_concern, 'presentation', x.presentation`, 'unscheduled_care_attendance')},
  'mentalHealthInvolvements', ${each(`'service', x.service, 'open', x.open, 'referralDate', x.referral_date,
      'mhaDetainedFrom', x.mha_detained_from, 'mhaDetainedTo', x.mha_detained_to`, 'mental_health_involvement')},
  'substanceMisuseTreatments', ${each(`'provider', x.provider, 'open', x.open, 'startDate', x.start_date`, 'substance_misuse_treatment')},
  'maternityEpisodes', ${each(`'bookingDate', x.booking_date, 'gestationAtBookingWeeks', x.gestation_at_booking_weeks, 'edd', x.edd,
      'deliveryDate', x.delivery_date, 'antenatalDnaCount', x.antenatal_dna_count, 'concernsAtBooking', x.concerns_at_booking`, 'maternity_episode')},
  'wasNotBroughtEvents', ${each(`'appointmentDate', x.appointment_date`, 'was_not_brought_event')},
  'cpisRecords', ${each(`'planType', x.plan_type, 'startDate', x.start_date, 'endDate', x.end_date, 'responsibleLa', x.responsible_la`, 'cpis_record')},
  'fgmRecords', ${each(`'kind', x.kind, 'recordedDate', x.recorded_date, 'active', x.active`, 'fgm_record')}
) AS details
FROM patient p
WHERE p.id = ANY($1::uuid[])`;

export async function loadPatients(store: AgencyStore, ids: readonly string[]): Promise<Map<string, PatientDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await store.query<{ details: PatientDetails }>(DETAILS_SQL, [ids]);
  return new Map(rows.map(({ details }) => [details.id, details]));
}
