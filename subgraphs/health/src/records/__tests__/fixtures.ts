import { disclosureRules, type RecordContext } from '@mash/shared';
import type { PatientDetails } from '../load';

/** The reference date unit tests count 12-month windows back from. */
export const AS_OF = '2026-11-01';

/** "Today" is AS_OF, under a grant with the given obligations. */
export function recordContext(obligations: Parameters<typeof disclosureRules>[0] = []): RecordContext {
  return { asOf: AS_OF, disclose: disclosureRules(obligations) };
}

/** A registered, unremarkable patient; override what a test needs. */
export function patientFixture(overrides: Partial<PatientDetails> = {}): PatientDetails {
  return {
    id: '00000000-0000-5000-8000-000000000001',
    nhsNumber: '9990000018',
    nhsNumberVerification: '01',
    givenName: 'Amelia',
    familyName: 'Hughes',
    dateOfBirth: '2015-03-04',
    gender: 'female',
    addressLine: '12 Mill Road, Warwick',
    postcode: 'CV34 4RL',
    uprn: '100070123456',
    restricted: false,
    deceasedDate: null,
    gpRegistrations: [
      { practiceOdsCode: 'M84906', practiceName: 'Priory Medical Centre', registeredFrom: '2015-03-20', registeredTo: null, status: 'REGISTERED' },
    ],
    safeguardingCodes: [],
    unscheduledCareAttendances: [],
    mentalHealthInvolvements: [],
    substanceMisuseTreatments: [],
    maternityEpisodes: [],
    wasNotBroughtEvents: [],
    cpisRecords: [],
    fgmRecords: [],
    ...overrides,
  };
}

type Attendance = PatientDetails['unscheduledCareAttendances'][number];

export function attendance(day: string, injury = false, presentation: Attendance['presentation'] = null): Attendance {
  return { arrivedOn: day, injury, safeguardingConcern: false, presentation };
}

export function wasNotBrought(day: string): PatientDetails['wasNotBroughtEvents'][number] {
  return { appointmentDate: day };
}
