import { identityRecord, patientRecord } from '../record';
import { attendance, patientFixture, recordContext, wasNotBrought } from './fixtures';

const disclosed = (patient: Parameters<typeof patientRecord>[0]) => patientRecord(patient, recordContext());

describe('patientRecord', () => {
  it('summarises a patient for the MASH', () => {
    const record = disclosed(
      patientFixture({
        unscheduledCareAttendances: [attendance('2026-02-01', true), attendance('2026-09-09'), attendance('2024-01-01', true)],
        wasNotBroughtEvents: [wasNotBrought('2026-05-05')],
      }),
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

  it('carries the address, postcode, UPRN and practice of a restricted patient only under protectedContact (RESTRICTED, never released by the gateway)', () => {
    const record = disclosed(patientFixture({ restricted: true }));
    expect(record).toMatchObject({ restricted: true, addressLine: null, postcode: null, uprn: null, registeredPractice: null });
    expect(record.gpRegistrationStatus).toBe('REGISTERED');
    expect(record.protectedContact).toEqual({ addressLine: '12 Mill Road, Warwick', postcode: 'CV34 4RL', uprn: '100070123456', practiceOdsCode: 'M84906', practiceName: 'Priory Medical Centre' });
    expect(JSON.stringify({ ...record, protectedContact: null })).not.toMatch(/CV34|Mill Road|M84906|100070123456/);
    expect(disclosed(patientFixture()).protectedContact).toBeNull();
  });

  it('reports no registration when there is none, and the last one when it was deducted', () => {
    expect(disclosed(patientFixture({ gpRegistrations: [] })).gpRegistrationStatus).toBe('NOT_REGISTERED');
    const deducted = patientFixture();
    deducted.gpRegistrations[0] = { ...deducted.gpRegistrations[0], status: 'DEDUCTED', registeredTo: '2026-01-01' };
    expect(disclosed(deducted)).toMatchObject({ gpRegistrationStatus: 'DEDUCTED', registeredPractice: null });
  });

  it('shares that a service is open, not what it is treating', () => {
    // Even were the substance loaded with the treatment, the summary would not carry it.
    const treatment = { provider: 'Recovery Partnership', open: true, startDate: '2026-01-01', substanceCategory: 'OPIATES' };
    const record = disclosed(patientFixture({ dateOfBirth: '1985-06-01', substanceMisuseTreatments: [treatment] }));
    expect(record).toMatchObject({ openToSubstanceMisuseService: true, substanceMisuseProvider: 'Recovery Partnership' });
    expect(JSON.stringify(record)).not.toMatch(/OPIATES/);
  });

  it('keeps a domestic-abuse booking concern under OMIT_STANDARD_RISK_DOMESTIC_ABUSE: it has no DASH grading', () => {
    const episode = { bookingDate: '2026-07-01', gestationAtBookingWeeks: 10, edd: '2027-01-20', deliveryDate: null, antenatalDnaCount: 0, concernsAtBooking: ['DOMESTIC_ABUSE' as const] };
    const patient = patientFixture({ dateOfBirth: '1990-01-01', maternityEpisodes: [episode] });
    expect(patientRecord(patient, recordContext(['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'])).maternity?.concernsAtBooking).toEqual(['DOMESTIC_ABUSE']);
  });
});

describe('identityRecord', () => {
  it('carries PDS demographics but no registration or care history, for a possible match', () => {
    const record = identityRecord(patientFixture({ unscheduledCareAttendances: [attendance('2026-09-09', true)] }));
    expect(record).toMatchObject({ id: '00000000-0000-5000-8000-000000000001', nhsNumber: '9990000018', givenName: 'Amelia', postcode: 'CV34 4RL' });
    expect(record).toMatchObject({
      gpRegistrationStatus: null, registeredPractice: null, cpis: null, activeSafeguardingCodes: null, unscheduledCare: null,
      wasNotBroughtLast12Months: null, openMentalHealthServices: null, mentalHealthActDetentionLast12Months: null,
      openToSubstanceMisuseService: null, substanceMisuseProvider: null, maternity: null,
    });
  });

  it('never carries the address, postcode or UPRN of a restricted patient', () => {
    const record = identityRecord(patientFixture({ restricted: true }));
    expect(record).toMatchObject({ restricted: true, addressLine: null, postcode: null, uprn: null, registeredPractice: null });
    expect(JSON.stringify(record)).not.toMatch(/CV34|Mill Road|M84906|100070123456/);
  });
});
