import type { PatientDetails } from '../patient-details';

/** The reference date unit tests count 12-month windows back from. */
export const AS_OF = '2026-11-01';

/** A registered, unremarkable patient; override what a test needs. */
export function patientFixture(overrides: Partial<PatientDetails> = {}): PatientDetails {
  const id = overrides.id ?? '00000000-0000-5000-8000-000000000001';
  return {
    id,
    nhsNumber: '9990000018',
    nhsNumberVerification: '01',
    givenName: 'Amelia',
    familyName: 'Hughes',
    dateOfBirth: '2015-03-04',
    gender: 'female',
    addressLine: '12 Mill Road, Warwick',
    postcode: 'CV34 4RL',
    uprn: '100070123456',
    blockingKeys: [],
    restricted: false,
    deceasedDate: null,
    gpRegistrations: [
      {
        id: 'g1', patientId: id, practiceOdsCode: 'M84906', practiceName: 'Priory Medical Centre',
        registeredFrom: '2015-03-20', registeredTo: null, status: 'REGISTERED',
      },
    ],
    safeguardingCodes: [],
    unscheduledCareAttendances: [],
    mentalHealthInvolvements: [],
    substanceMisuseTreatments: [],
    maternityEpisodes: [],
    wasNotBroughtEvents: [],
    cpisRecords: [],
    ...overrides,
  };
}

export function attendance(day: string, injury = false): PatientDetails['unscheduledCareAttendances'][number] {
  return {
    id: `a-${day}`, patientId: 'p', arrivalAt: new Date(`${day}T10:00:00Z`), site: 'Warwick Hospital ED',
    chiefComplaint: injury ? 'Head injury' : 'Fever', injury, safeguardingConcern: false, leftBeforeTreatment: false,
  };
}

export function wasNotBrought(day: string): PatientDetails['wasNotBroughtEvents'][number] {
  return { id: `w-${day}`, patientId: 'p', appointmentType: 'GP', appointmentDate: day };
}
