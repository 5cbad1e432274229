import type { PersonFacts } from '@mash/shared';
import { AS_OF, attendance, patientFixture, recordContext, wasNotBrought as wnb } from '../../records/__tests__/fixtures';
import type { PatientDetails } from '../../records/load';
import { patientRecord } from '../../records/record';
import { notRegisteredWithGp, wasNotBrought } from '../engagement';
import { healthFlags } from '..';
import { lateBooking } from '../maternity';
import { parentMentalHealth, parentSubstanceMisuse } from '../parents';
import { activeSafeguardingCode, cpis } from '../safeguarding';
import { injuryInInfant, repeatUnscheduledCare } from '../unscheduled-care';

const child = { familyName: 'Hughes', dateOfBirth: '2015-03-04' };
const adult = { familyName: 'Hughes', dateOfBirth: '1985-06-01' };
const adultPatient = (overrides = {}) => patientFixture({ dateOfBirth: '1985-06-01', ...overrides });

describe('NOT_REGISTERED_WITH_GP', () => {
  it('is raised for a child subject not known to health', () => {
    expect(notRegisteredWithGp(child, null, AS_OF)).toMatchObject({ code: 'NOT_REGISTERED_WITH_GP', severity: 'AMBER', summary: expect.stringMatching(/not known to health/i) });
  });
  it('is raised for a known child whose registration was deducted', () => {
    const patient = patientFixture();
    patient.gpRegistrations[0] = { ...patient.gpRegistrations[0], status: 'DEDUCTED', registeredTo: '2026-02-01' };
    expect(notRegisteredWithGp(child, patient, AS_OF)?.summary).toMatch(/deducted on 2026-02-01/);
  });
  it('is not raised for a registered child, nor for an adult not known to health', () => {
    expect(notRegisteredWithGp(child, patientFixture(), AS_OF)).toBeNull();
    expect(notRegisteredWithGp(adult, null, AS_OF)).toBeNull();
  });
});

describe('WAS_NOT_BROUGHT_12M', () => {
  it('is raised at two missed appointments in 12 months', () => {
    expect(wasNotBrought(patientFixture({ wasNotBroughtEvents: [wnb('2026-03-01'), wnb('2026-09-01')] }), AS_OF)?.severity).toBe('AMBER');
  });
  it('is not raised for one, nor for events older than 12 months', () => {
    expect(wasNotBrought(patientFixture({ wasNotBroughtEvents: [wnb('2026-03-01')] }), AS_OF)).toBeNull();
    expect(wasNotBrought(patientFixture({ wasNotBroughtEvents: [wnb('2025-03-01'), wnb('2026-09-01')] }), AS_OF)).toBeNull();
  });
});

describe('REPEAT_ED_ATTENDANCE_12M', () => {
  it('is raised at three attendances in 12 months', () => {
    const attendances = ['2026-01-05', '2026-04-05', '2026-10-30'].map((day) => attendance(day));
    expect(repeatUnscheduledCare(patientFixture({ unscheduledCareAttendances: attendances }), AS_OF)?.summary).toMatch(/^3 /);
  });
  it('is not raised at two', () => {
    const attendances = ['2025-10-05', '2026-04-05', '2026-10-30'].map((day) => attendance(day));
    expect(repeatUnscheduledCare(patientFixture({ unscheduledCareAttendances: attendances }), AS_OF)).toBeNull();
  });
});

describe('INJURY_INFANT_UNDER_1', () => {
  const baby = { dateOfBirth: '2026-03-01' };
  it('is RED for an injury before the first birthday', () => {
    expect(injuryInInfant(patientFixture({ ...baby, unscheduledCareAttendances: [attendance('2026-07-01', true)] }))?.severity).toBe('RED');
  });
  it('is not raised for an illness, nor for an injury after the first birthday', () => {
    expect(injuryInInfant(patientFixture({ ...baby, unscheduledCareAttendances: [attendance('2026-07-01')] }))).toBeNull();
    expect(injuryInInfant(patientFixture({ unscheduledCareAttendances: [attendance('2026-07-01', true)] }))).toBeNull();
  });
});

describe('CPIS_FLAG', () => {
  const record = { planType: 'CPP' as const, startDate: '2026-05-01', endDate: null, responsibleLa: 'Warwickshire County Council' };
  it('is RED while the plan is active', () => {
    expect(cpis(patientFixture({ cpisRecords: [record] }), AS_OF)).toMatchObject({ code: 'CPIS_FLAG', severity: 'RED' });
  });
  it('is not raised once the plan has ended', () => {
    expect(cpis(patientFixture({ cpisRecords: [{ ...record, endDate: '2026-10-01' }] }), AS_OF)).toBeNull();
  });
});

describe('ACTIVE_SAFEGUARDING_CODE', () => {
  const code = { snomedConceptId: '342191000000101' as const, term: 'Subject to child protection plan', recordedDate: '2026-05-01', active: true };
  it('is raised for an active code, naming its term', () => {
    expect(activeSafeguardingCode(patientFixture({ safeguardingCodes: [code] }), AS_OF)?.summary).toContain('Subject to child protection plan');
  });
  it('is not raised for an inactive code', () => {
    expect(activeSafeguardingCode(patientFixture({ safeguardingCodes: [{ ...code, active: false }] }), AS_OF)).toBeNull();
  });
});

describe('PARENT_MENTAL_HEALTH', () => {
  const involvement = { service: 'AMHS' as const, open: true, referralDate: '2025-01-01', mhaDetainedFrom: null, mhaDetainedTo: null };
  it('is raised for an adult open to adult mental health services', () => {
    expect(parentMentalHealth(adultPatient({ mentalHealthInvolvements: [involvement] }), AS_OF)?.code).toBe('PARENT_MENTAL_HEALTH');
  });
  it('is raised for an adult detained in the last 12 months though since discharged', () => {
    const detained = { ...involvement, open: false, mhaDetainedFrom: '2026-02-01', mhaDetainedTo: '2026-03-01' };
    expect(parentMentalHealth(adultPatient({ mentalHealthInvolvements: [detained] }), AS_OF)?.summary).toMatch(/detained/);
  });
  it('is not raised for a child, nor once discharged', () => {
    expect(parentMentalHealth(patientFixture({ mentalHealthInvolvements: [{ ...involvement, service: 'CAMHS' }] }), AS_OF)).toBeNull();
    expect(parentMentalHealth(adultPatient({ mentalHealthInvolvements: [{ ...involvement, open: false }] }), AS_OF)).toBeNull();
  });
});

describe('PARENT_SUBSTANCE_MISUSE', () => {
  const treatment = { provider: 'Recovery', open: true, startDate: '2026-01-01' };
  it('is raised for an adult in open treatment, without clinical detail', () => {
    const flag = parentSubstanceMisuse(adultPatient({ substanceMisuseTreatments: [treatment] }), AS_OF);
    expect(flag?.severity).toBe('AMBER');
    expect(flag?.summary).not.toMatch(/alcohol/i);
  });
  it('is not raised once treatment has closed', () => {
    expect(parentSubstanceMisuse(adultPatient({ substanceMisuseTreatments: [{ ...treatment, open: false }] }), AS_OF)).toBeNull();
  });
});

describe('LATE_BOOKING', () => {
  const episode = { bookingDate: '2026-07-01', gestationAtBookingWeeks: 18, edd: '2026-12-01', deliveryDate: null, antenatalDnaCount: 2, concernsAtBooking: [] };
  it('is raised for a current pregnancy booked after 12 weeks', () => {
    expect(lateBooking(adultPatient({ maternityEpisodes: [episode] }), AS_OF)?.summary).toMatch(/18 weeks/);
  });
  it('is not raised for booking by 12 weeks, nor for a pregnancy long past', () => {
    expect(lateBooking(adultPatient({ maternityEpisodes: [{ ...episode, gestationAtBookingWeeks: 12 }] }), AS_OF)).toBeNull();
    expect(lateBooking(adultPatient({ maternityEpisodes: [{ ...episode, bookingDate: '2023-01-01', edd: '2023-07-01' }] }), AS_OF)).toBeNull();
  });
});

describe('healthFlags', () => {
  const flags = (status: 'MATCHED' | 'NOT_KNOWN', subject: PersonFacts, patient: PatientDetails | null) =>
    healthFlags({ status, subject, record: patient, disclosed: patient && patientRecord(patient, recordContext()), context: recordContext() });

  it('flags a NOT_KNOWN child but not a NOT_KNOWN adult', () => {
    expect(flags('NOT_KNOWN', child, null).map((f) => f.code)).toEqual(['NOT_REGISTERED_WITH_GP']);
    expect(flags('NOT_KNOWN', adult, null)).toEqual([]);
  });
  it('gives an unremarkable MATCHED child no flags', () => {
    expect(flags('MATCHED', child, patientFixture())).toEqual([]);
  });
  it('puts RED findings first', () => {
    const patient = patientFixture({
      gpRegistrations: [],
      cpisRecords: [{ planType: 'CPP', startDate: '2026-05-01', endDate: null, responsibleLa: 'Warwickshire County Council' }],
    });
    expect(flags('MATCHED', child, patient).map((f) => f.code)).toEqual(['CPIS_FLAG', 'NOT_REGISTERED_WITH_GP']);
  });
});
