import type { PersonFacts } from '@mash/shared';
import { AS_OF, attendance, patientFixture, recordContext, wasNotBrought as wnb } from '../../records/__tests__/fixtures';
import type { PatientDetails } from '../../records/load';
import { patientRecord } from '../../records/record';
import { healthFlags } from '..';
import { notRegisteredWithGp, wasNotBrought } from '../engagement';
import { lateBooking } from '../maternity';
import { mhaDetention, parentMentalHealth, parentSubstanceMisuse } from '../parents';
import { activeSafeguardingCode, cpis, fgmRecorded } from '../safeguarding';
import { daRelatedAttendance, injuryInInfant, repeatUnscheduledCare, selfHarmAttendance } from '../unscheduled-care';

const adultPatient = (overrides: Partial<PatientDetails> = {}) => patientFixture({ dateOfBirth: '1985-06-01', ...overrides });
const girl = (overrides: Partial<PatientDetails> = {}) => patientFixture({ dateOfBirth: '2011-07-14', ...overrides });
const detention = (from: string, to: string | null) => ({ service: 'AMHS' as const, open: false, referralDate: '2024-01-01', mhaDetainedFrom: from, mhaDetainedTo: to });

describe('MHA_DETENTION_12M', () => {
  it('is AMBER for a detention in the last 12 months, dated by its start, at any age', () => {
    const flag = mhaDetention(adultPatient({ mentalHealthInvolvements: [detention('2025-12-01', '2025-12-29'), detention('2026-06-10', '2026-07-08')] }), AS_OF);
    expect(flag).toMatchObject({ code: 'MHA_DETENTION_12M', severity: 'AMBER', date: '2026-06-10' });
    expect(mhaDetention(girl({ mentalHealthInvolvements: [detention('2026-09-01', null)] }), AS_OF)?.date).toBe('2026-09-01');
  });
  it('is not raised for a detention that ended more than 12 months ago, nor with none', () => {
    expect(mhaDetention(adultPatient({ mentalHealthInvolvements: [detention('2025-06-01', '2025-07-01')] }), AS_OF)).toBeNull();
    expect(mhaDetention(adultPatient(), AS_OF)).toBeNull();
  });
});

describe('FGM_RECORDED', () => {
  const record = (kind: 'FGM_IS_INDICATOR' | 'FGM_IDENTIFIED', recordedDate = '2025-09-07', active = true) => ({ kind, recordedDate, active });
  it('is RED for a girl under 18, dated by the latest record', () => {
    const flag = fgmRecorded(girl({ fgmRecords: [record('FGM_IS_INDICATOR', '2024-01-01'), record('FGM_IS_INDICATOR', '2026-02-03')] }), AS_OF);
    expect(flag).toMatchObject({ code: 'FGM_RECORDED', severity: 'RED', date: '2026-02-03' });
    expect(flag?.summary).toMatch(/FGM-IS/);
  });
  it('is AMBER for an adult woman, saying her daughters may be at risk', () => {
    const flag = fgmRecorded(adultPatient({ fgmRecords: [record('FGM_IDENTIFIED')] }), AS_OF);
    expect(flag).toMatchObject({ code: 'FGM_RECORDED', severity: 'AMBER', date: '2025-09-07' });
    expect(flag?.summary).toMatch(/daughters may be at risk/);
  });
  it('is not raised for a removed indicator, one recorded after the reference date, or none', () => {
    expect(fgmRecorded(girl({ fgmRecords: [record('FGM_IS_INDICATOR', '2025-01-01', false)] }), AS_OF)).toBeNull();
    expect(fgmRecorded(girl({ fgmRecords: [record('FGM_IS_INDICATOR', '2026-12-01')] }), AS_OF)).toBeNull();
    expect(fgmRecorded(girl(), AS_OF)).toBeNull();
  });
});

describe('DA_RELATED_ATTENDANCE_12M', () => {
  it('is AMBER for an assault or domestic-abuse attendance in 12 months, dated by the latest', () => {
    const patient = adultPatient({ unscheduledCareAttendances: [attendance('2026-02-01', true, 'ASSAULT'), attendance('2026-09-17', true, 'DOMESTIC_ABUSE'), attendance('2026-10-01')] });
    const flag = daRelatedAttendance(patient, recordContext());
    expect(flag).toMatchObject({ code: 'DA_RELATED_ATTENDANCE_12M', severity: 'AMBER', date: '2026-09-17' });
    expect(flag?.summary).toMatch(/^2 ED\/MIU attendances/);
  });
  it('keeps an ungraded domestic-abuse attendance under OMIT_STANDARD_RISK_DOMESTIC_ABUSE', () => {
    const patient = adultPatient({ unscheduledCareAttendances: [attendance('2026-09-17', true, 'DOMESTIC_ABUSE')] });
    expect(daRelatedAttendance(patient, recordContext(['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']))?.date).toBe('2026-09-17');
  });
  it('is not raised for an attendance over 12 months ago, for self-harm, or with no presentation', () => {
    const patient = adultPatient({ unscheduledCareAttendances: [attendance('2025-09-17', true, 'ASSAULT'), attendance('2026-09-17', false, 'SELF_HARM'), attendance('2026-10-01', true)] });
    expect(daRelatedAttendance(patient, recordContext())).toBeNull();
  });
});

describe('SELF_HARM_ATTENDANCE_12M', () => {
  it('is AMBER for a self-harm or overdose attendance in 12 months, dated by the latest', () => {
    const patient = girl({ unscheduledCareAttendances: [attendance('2026-03-01', false, 'OVERDOSE'), attendance('2026-08-09', true, 'SELF_HARM')] });
    expect(selfHarmAttendance(patient, AS_OF)).toMatchObject({ code: 'SELF_HARM_ATTENDANCE_12M', severity: 'AMBER', date: '2026-08-09' });
  });
  it('is not raised for an old one, nor for an assault', () => {
    const patient = girl({ unscheduledCareAttendances: [attendance('2025-03-01', false, 'OVERDOSE'), attendance('2026-08-09', true, 'ASSAULT')] });
    expect(selfHarmAttendance(patient, AS_OF)).toBeNull();
  });
});

describe('parent flags fire for any adult subject', () => {
  it('PARENT_MENTAL_HEALTH for an 81-year-old open to AMHS and a mother open to perinatal services, dated by the referral', () => {
    const open = (service: 'AMHS' | 'PERINATAL') => ({ service, open: true, referralDate: '2026-03-06', mhaDetainedFrom: null, mhaDetainedTo: null });
    for (const [dateOfBirth, service] of [['1945-09-14', 'AMHS'], ['2002-09-14', 'PERINATAL']] as const) {
      expect(parentMentalHealth(patientFixture({ dateOfBirth, mentalHealthInvolvements: [open(service)] }), AS_OF)).toMatchObject({ code: 'PARENT_MENTAL_HEALTH', date: '2026-03-06' });
    }
  });
  it('PARENT_MENTAL_HEALTH takes the later of referral and detention as its date', () => {
    const patient = adultPatient({ mentalHealthInvolvements: [{ service: 'AMHS', open: true, referralDate: '2025-01-01', mhaDetainedFrom: '2026-04-02', mhaDetainedTo: '2026-04-30' }] });
    expect(parentMentalHealth(patient, AS_OF)?.date).toBe('2026-04-02');
  });
  it('PARENT_SUBSTANCE_MISUSE for a 52-year-old son, dated by the treatment start', () => {
    const patient = patientFixture({ dateOfBirth: '1974-08-14', substanceMisuseTreatments: [{ provider: 'Change and Recovery Warwickshire', open: true, startDate: '2026-06-04' }] });
    expect(parentSubstanceMisuse(patient, AS_OF)).toMatchObject({ code: 'PARENT_SUBSTANCE_MISUSE', date: '2026-06-04' });
  });
});

describe('dates on the existing flags', () => {
  it('LATE_BOOKING carries the booking date, and says when a recent baby was delivered', () => {
    const episode = { bookingDate: '2026-03-17', gestationAtBookingWeeks: 18, edd: '2026-08-18', deliveryDate: '2026-08-14', antenatalDnaCount: 2, concernsAtBooking: [] };
    const flag = lateBooking(adultPatient({ maternityEpisodes: [episode] }), AS_OF);
    expect(flag).toMatchObject({ code: 'LATE_BOOKING', date: '2026-03-17' });
    expect(flag?.summary).toMatch(/delivered 2026-08-14/);
  });
  it('CPIS_FLAG is dated by the plan start, ACTIVE_SAFEGUARDING_CODE by the latest code', () => {
    expect(cpis(patientFixture({ cpisRecords: [{ planType: 'CPP', startDate: '2026-05-01', endDate: null, responsibleLa: 'Warwickshire County Council' }] }), AS_OF)?.date).toBe('2026-05-01');
    const code = (recordedDate: string) => ({ snomedConceptId: '342191000000101' as const, term: 'Subject to child protection plan', recordedDate, active: true });
    expect(activeSafeguardingCode(patientFixture({ safeguardingCodes: [code('2026-05-01'), code('2026-07-01')] }), AS_OF)?.date).toBe('2026-07-01');
  });
  it('REPEAT_ED, INJURY_INFANT and WAS_NOT_BROUGHT are dated by their latest event', () => {
    const attendances = ['2026-01-05', '2026-10-30', '2026-04-05'].map((day) => attendance(day));
    expect(repeatUnscheduledCare(patientFixture({ unscheduledCareAttendances: attendances }), AS_OF)?.date).toBe('2026-10-30');
    expect(injuryInInfant(patientFixture({ dateOfBirth: '2026-03-01', unscheduledCareAttendances: [attendance('2026-07-01', true), attendance('2026-05-01', true)] }))?.date).toBe('2026-07-01');
    expect(wasNotBrought(patientFixture({ wasNotBroughtEvents: [wnb('2026-09-01'), wnb('2026-03-01')] }), AS_OF)?.date).toBe('2026-09-01');
  });
  it('NOT_REGISTERED_WITH_GP is dated when a registration ended, undated when never registered or not known', () => {
    const child: PersonFacts = { familyName: 'Hughes', dateOfBirth: '2015-03-04' };
    const deducted = patientFixture();
    deducted.gpRegistrations[0] = { ...deducted.gpRegistrations[0], status: 'DEDUCTED', registeredTo: '2026-02-01' };
    expect(notRegisteredWithGp(child, deducted, AS_OF)?.date).toBe('2026-02-01');
    expect(notRegisteredWithGp(child, patientFixture({ gpRegistrations: [] }), AS_OF)).toMatchObject({ date: null });
    expect(notRegisteredWithGp(child, null, AS_OF)).toMatchObject({ date: null });
  });
});

describe('healthFlags, think family', () => {
  it('orders RED before AMBER whichever flag raises it', () => {
    const patient = girl({
      fgmRecords: [{ kind: 'FGM_IS_INDICATOR', recordedDate: '2026-01-01', active: true }],
      unscheduledCareAttendances: [attendance('2026-08-09', false, 'SELF_HARM')],
      gpRegistrations: [],
    });
    const flags = healthFlags({ status: 'MATCHED', subject: { familyName: 'Hughes', dateOfBirth: '2011-07-14' }, record: patient, disclosed: patientRecord(patient, recordContext()), context: recordContext() });
    expect(flags.map((flag) => [flag.code, flag.severity])).toEqual([
      ['FGM_RECORDED', 'RED'], ['NOT_REGISTERED_WITH_GP', 'AMBER'], ['SELF_HARM_ATTENDANCE_12M', 'AMBER'],
    ]);
  });
});
