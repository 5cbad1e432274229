import type { EnrolmentRecord, PupilRecord, SchoolRecord } from '../pupil-record';

/** The reference date unit tests run on; mid-autumn term of 2026/27. */
export const ON = '2026-11-01';

export const SCHOOL: SchoolRecord = {
  urn: '937001',
  name: 'Avon Valley Primary School',
  phase: 'PRIMARY',
  dslRole: 'Designated Safeguarding Lead',
  dslPhone: '01632 960100',
};

export function enrolmentRecord(overrides: Partial<EnrolmentRecord> = {}): EnrolmentRecord {
  return { school: SCHOOL, entryDate: '2022-09-05', leavingDate: null, enrolStatus: 'C', partTime: false, onRoll: true, ...overrides };
}

/** A Year 4 pupil on roll with nothing remarkable; tests add what they need. */
export function pupilRecord(overrides: Partial<PupilRecord> = {}): PupilRecord {
  return {
    id: '00000000-0000-5000-8000-000000000001',
    upn: 'G937200124001',
    upnTemporary: false,
    dateOfBirth: '2018-03-14',
    enrolments: [enrolmentRecord()],
    attendance: [],
    exclusions: [],
    sen: null,
    electiveHomeEducation: [],
    childMissingEducation: [],
    operationEncompass: [],
    alternativeProvision: [],
    freeSchoolMeals: [],
    ...overrides,
  };
}
