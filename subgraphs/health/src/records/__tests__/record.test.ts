import { toHealthRecord } from '../health-record';
import { AS_OF, attendance, patientFixture, wasNotBrought } from './fixtures';

describe('toHealthRecord', () => {
  it('summarises a patient for the MASH', () => {
    const record = toHealthRecord(
      patientFixture({
        unscheduledCareAttendances: [attendance('2026-02-01', true), attendance('2026-09-09'), attendance('2024-01-01', true)],
        wasNotBroughtEvents: [wasNotBrought('2026-05-05')],
      }),
      AS_OF,
    );
    expect(record).toMatchObject({
      nhsNumber: '9990000018',
      nhsNumberVerification: 'VERIFIED',
      gender: 'FEMALE',
      restricted: false,
      postcode: 'CV34 4RL',
      gpRegistrationStatus: 'REGISTERED',
      registeredPractice: { odsCode: 'M84906', name: 'Priory Medical Centre' },
      cpis: null,
      unscheduledCare: { attendancesLast12Months: 2, anyInjury: true, lastAttendedOn: '2026-09-09' },
      wasNotBroughtLast12Months: 1,
      openMentalHealthServices: [],
      openToSubstanceMisuseService: false,
      maternity: null,
    });
  });

  it('never carries the address, postcode, UPRN or practice of a restricted patient', () => {
    const record = toHealthRecord(patientFixture({ restricted: true }), AS_OF);
    expect(record).toMatchObject({ restricted: true, addressLine: null, postcode: null, uprn: null, registeredPractice: null });
    expect(record.gpRegistrationStatus).toBe('REGISTERED');
    expect(JSON.stringify(record)).not.toMatch(/CV34|Mill Road|M84906|100070123456/);
  });

  it('reports no registration when there is none, and the last one when it was deducted', () => {
    expect(toHealthRecord(patientFixture({ gpRegistrations: [] }), AS_OF).gpRegistrationStatus).toBe('NOT_REGISTERED');
    const deducted = patientFixture();
    deducted.gpRegistrations[0] = { ...deducted.gpRegistrations[0], status: 'DEDUCTED', registeredTo: '2026-01-01' };
    expect(toHealthRecord(deducted, AS_OF)).toMatchObject({ gpRegistrationStatus: 'DEDUCTED', registeredPractice: null });
  });

  it('shares that a service is open, not what it is treating', () => {
    const record = toHealthRecord(
      patientFixture({
        dateOfBirth: '1985-06-01',
        substanceMisuseTreatments: [
          { id: 't', patientId: 'p', provider: 'Recovery Partnership', substanceCategory: 'OPIATES', open: true, startDate: '2026-01-01', endDate: null },
        ],
      }),
      AS_OF,
    );
    expect(record).toMatchObject({ openToSubstanceMisuseService: true, substanceMisuseProvider: 'Recovery Partnership' });
    expect(JSON.stringify(record)).not.toMatch(/OPIATES/);
  });
});
