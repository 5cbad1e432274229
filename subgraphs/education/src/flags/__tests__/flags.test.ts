import { disclosureRules, type PersonFacts } from '@mash/shared';
import { ON, enrolmentRecord, pupilRecord } from '../../records/__tests__/pupil.fixture';
import type { AttendanceRecord, EheRecord, ExclusionRecord, SenRecord } from '../../records/pupil-record';
import { educationFlags, matchedFlags, notKnownFlags } from '..';

const codes = (flags: { code: string }[]) => flags.map((flag) => flag.code);
const term = (academicYear: string, possible: number, missed: number): AttendanceRecord => ({
  academicYear, term: 'AUTUMN', sessionsPossible: possible, sessionsAuthorised: missed, sessionsUnauthorised: 0,
});
const ehe = (overrides: Partial<EheRecord> = {}): EheRecord => ({
  notifiedDate: '2026-08-01', previousSchoolUrn: '937001', laVisitDate: null, suitabilityOutcome: 'PENDING', endedDate: null, ...overrides,
});
const exclusion = (startDate: string, category: ExclusionRecord['category'] = 'SUSP'): ExclusionRecord => ({
  startDate, category, sessions: category === 'SUSP' ? 2 : null, reasons: ['PA'],
});

describe('education flags', () => {
  it('raises nothing for an ordinary pupil on roll', () => {
    expect(matchedFlags(pupilRecord(), ON)).toEqual([]);
  });

  describe('NOT_ON_SCHOOL_ROLL', () => {
    const offRoll = { enrolments: [enrolmentRecord({ leavingDate: '2026-07-17', onRoll: false })] };

    it('is raised for a child of compulsory school age on no roll, naming an open CME record', () => {
      const cme = { reportedDate: '2026-09-20', reason: 'MOVED', status: 'OPEN', closedDate: null } as const;
      const flags = matchedFlags(pupilRecord({ ...offRoll, childMissingEducation: [cme] }), ON);
      expect(flags).toEqual([expect.objectContaining({ code: 'NOT_ON_SCHOOL_ROLL', severity: 'AMBER' })]);
      expect(flags[0].summary).toMatch(/missing education since 2026-09-20/);
    });

    it('is raised when home education was judged unsuitable, not while it is pending or suitable', () => {
      const unsuitable = ehe({ laVisitDate: '2026-09-01', suitabilityOutcome: 'NOT_SUITABLE' });
      expect(codes(matchedFlags(pupilRecord({ ...offRoll, electiveHomeEducation: [unsuitable] }), ON))).toContain('NOT_ON_SCHOOL_ROLL');
      expect(codes(matchedFlags(pupilRecord({ ...offRoll, electiveHomeEducation: [ehe()] }), ON))).not.toContain('NOT_ON_SCHOOL_ROLL');
    });

    it('is not raised for a reception-age child not yet of compulsory school age', () => {
      expect(matchedFlags(pupilRecord({ dateOfBirth: '2021-10-01', enrolments: [] }), ON)).toEqual([]);
    });

    it('is raised for a school-age subject not known here, and not for an adult or an unknown date of birth', () => {
      expect(codes(notKnownFlags({ familyName: 'Quillfeather', dateOfBirth: '2016-05-05' }, ON))).toEqual(['NOT_ON_SCHOOL_ROLL']);
      expect(notKnownFlags({ familyName: 'Quillfeather', dateOfBirth: '1901-01-01' }, ON)).toEqual([]);
      expect(notKnownFlags({ familyName: 'Quillfeather', dateOfBirth: null }, ON)).toEqual([]);
    });
  });

  describe('ELECTIVE_HOME_EDUCATION_RECENT', () => {
    const home = (notice: EheRecord) => pupilRecord({ enrolments: [], electiveHomeEducation: [notice] });

    it('is raised for home education notified in the last 12 months', () => {
      const [flag] = matchedFlags(home(ehe()), ON);
      expect(flag).toMatchObject({ code: 'ELECTIVE_HOME_EDUCATION_RECENT', severity: 'AMBER' });
      expect(flag.summary).toMatch(/URN 937001.*not yet visited/);
    });

    it('is not raised for an older notice or one that has ended', () => {
      const older = ehe({ notifiedDate: '2024-06-01', laVisitDate: '2024-07-01', suitabilityOutcome: 'SUITABLE' });
      expect(matchedFlags(home(older), ON)).toEqual([]);
      expect(codes(matchedFlags(home(ehe({ endedDate: '2026-10-01' })), ON))).not.toContain('ELECTIVE_HOME_EDUCATION_RECENT');
    });
  });

  describe('PERSISTENT_ABSENCE and SEVERE_ABSENCE', () => {
    it('raises persistent absence at 10% of sessions this year', () => {
      expect(codes(matchedFlags(pupilRecord({ attendance: [term('2026/27', 80, 8)] }), ON))).toEqual(['PERSISTENT_ABSENCE']);
    });

    it('raises severe absence instead at 50%', () => {
      const flags = matchedFlags(pupilRecord({ attendance: [term('2026/27', 80, 40)] }), ON);
      expect(codes(flags)).toEqual(['SEVERE_ABSENCE']);
      expect(flags[0].summary).toMatch(/50% of sessions/);
    });

    it('raises neither below 10% this year, whatever last year looked like', () => {
      expect(matchedFlags(pupilRecord({ attendance: [term('2026/27', 80, 7), term('2025/26', 140, 70)] }), ON)).toEqual([]);
    });
  });

  describe('exclusions and part-time timetables', () => {
    it('raises PERMANENT_EXCLUSION for one in the last 12 months only', () => {
      expect(codes(matchedFlags(pupilRecord({ exclusions: [exclusion('2026-06-10', 'PERM')] }), ON))).toEqual(['PERMANENT_EXCLUSION']);
      expect(matchedFlags(pupilRecord({ exclusions: [exclusion('2025-09-10', 'PERM')] }), ON)).toEqual([]);
    });

    it('raises REPEATED_SUSPENSIONS for two or more in the last 12 months', () => {
      const flags = matchedFlags(pupilRecord({ exclusions: [exclusion('2026-10-01'), exclusion('2026-03-02')] }), ON);
      expect(codes(flags)).toEqual(['REPEATED_SUSPENSIONS']);
      expect(flags[0].summary).toBe('2 suspensions in the last 12 months (4 sessions lost), latest on 2026-10-01.');
      expect(matchedFlags(pupilRecord({ exclusions: [exclusion('2026-10-01'), exclusion('2025-10-01')] }), ON)).toEqual([]);
    });

    it('raises PART_TIME_TIMETABLE only for the current enrolment', () => {
      expect(codes(matchedFlags(pupilRecord({ enrolments: [enrolmentRecord({ partTime: true })] }), ON))).toEqual(['PART_TIME_TIMETABLE']);
      const past = enrolmentRecord({ partTime: true, leavingDate: '2026-04-01', onRoll: false });
      expect(matchedFlags(pupilRecord({ enrolments: [past, enrolmentRecord({ entryDate: '2026-04-02' })] }), ON)).toEqual([]);
    });
  });

  describe('vulnerability context', () => {
    it('raises TEMPORARY_UPN (GREEN) for an unresolved temporary UPN', () => {
      expect(matchedFlags(pupilRecord({ upn: 'F93720012401A', upnTemporary: true }), ON)).toEqual([
        expect.objectContaining({ code: 'TEMPORARY_UPN', severity: 'GREEN' }),
      ]);
    });

    it('raises SEN_SUPPORT or EHC_PLAN (GREEN), nothing without SEN', () => {
      expect(matchedFlags(pupilRecord({ sen: { provision: 'K', needs: ['SLCN'], ehcpStart: null } }), ON)).toEqual([
        {
          code: 'SEN_SUPPORT',
          severity: 'GREEN',
          summary: 'Receives SEN support (primary need: speech, language and communication needs).',
        },
      ]);
      const plan: SenRecord = { provision: 'E', needs: ['ASD'], ehcpStart: '2023-02-01' };
      expect(codes(matchedFlags(pupilRecord({ sen: plan }), ON))).toEqual(['EHC_PLAN']);
      expect(matchedFlags(pupilRecord({ sen: { provision: 'N', needs: [], ehcpStart: null } }), ON)).toEqual([]);
    });

    it('raises OPERATION_ENCOMPASS_12M for a notification in the last 12 months only', () => {
      const notice = (receivedAt: string) => ({ occurrenceRef: 'WK-260301-0001', receivedAt, dashRisk: 'MEDIUM' as const, dslActionTaken: null });
      const notices = [notice('2026-03-02T07:30:00+00:00'), notice('2026-09-14T07:10:00+00:00')];
      const flags = matchedFlags(pupilRecord({ operationEncompass: notices }), ON);
      expect(flags).toEqual([expect.objectContaining({ code: 'OPERATION_ENCOMPASS_12M', severity: 'AMBER' })]);
      expect(flags[0].summary).toMatch(/^2 Operation Encompass notifications .*latest 2026-09-14/);
      expect(matchedFlags(pupilRecord({ operationEncompass: [notice('2025-10-20T07:30:00+00:00')] }), ON)).toEqual([]);
    });
  });

  describe('educationFlags (the adapter\'s)', () => {
    const subject: PersonFacts = { familyName: 'Okafor', givenName: 'Amara', dateOfBirth: '2018-03-14' };
    const context = (obligations: Parameters<typeof disclosureRules>[0] = []) => ({ asOf: ON, disclose: disclosureRules(obligations) });
    const notified = pupilRecord({
      operationEncompass: [{ occurrenceRef: 'WK-1', receivedAt: '2026-09-14T07:10:00+00:00', dashRisk: 'STANDARD', dslActionTaken: null }],
    });

    it('flags a matched pupil from what the grant lets education disclose', () => {
      const matched = (obligations: Parameters<typeof disclosureRules>[0]) =>
        educationFlags({ status: 'MATCHED', subject, record: notified, disclosed: null, context: context(obligations) });
      expect(codes(matched([]))).toEqual(['OPERATION_ENCOMPASS_12M']);
      // ISA: a standard-risk notification is withheld, and so is the flag that would reveal it.
      expect(matched(['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'])).toEqual([]);
    });

    it('flags a school-age subject not known here as on no roll (the NOT_KNOWN finding)', () => {
      const flags = educationFlags({ status: 'NOT_KNOWN', subject, record: null, disclosed: null, context: context() });
      expect(codes(flags)).toEqual(['NOT_ON_SCHOOL_ROLL']);
    });
  });
});
