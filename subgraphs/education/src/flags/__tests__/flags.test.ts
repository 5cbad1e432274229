import { disclosureRules, type PersonFacts } from '@mash/shared';
import { ON, SCHOOL, enrolmentRecord, pupilRecord } from '../../records/__tests__/pupil.fixture';
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
      expect(codes(matchedFlags(home(older), ON))).not.toContain('ELECTIVE_HOME_EDUCATION_RECENT');
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
          date: null,
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

  describe('flag dates', () => {
    it('dates each finding by the latest event behind it, and leaves present-state findings undated', () => {
      const dateOf = (pupil: ReturnType<typeof pupilRecord>, code: string) => matchedFlags(pupil, ON).find((f) => f.code === code)?.date;
      expect(dateOf(pupilRecord({ exclusions: [exclusion('2026-06-10', 'PERM')] }), 'PERMANENT_EXCLUSION')).toBe('2026-06-10');
      expect(dateOf(pupilRecord({ exclusions: [exclusion('2026-03-02'), exclusion('2026-10-01')] }), 'REPEATED_SUSPENSIONS')).toBe('2026-10-01');
      expect(dateOf(pupilRecord({ enrolments: [], electiveHomeEducation: [ehe()] }), 'ELECTIVE_HOME_EDUCATION_RECENT')).toBe('2026-08-01');
      const notice = (receivedAt: string) => ({ occurrenceRef: 'WK-1', receivedAt, dashRisk: 'HIGH' as const, dslActionTaken: null });
      const notices = [notice('2026-09-14T07:10:00+00:00'), notice('2026-03-02T07:30:00+00:00')];
      expect(dateOf(pupilRecord({ operationEncompass: notices }), 'OPERATION_ENCOMPASS_12M')).toBe('2026-09-14');
      expect(dateOf(pupilRecord({ sen: { provision: 'E', needs: ['ASD'], ehcpStart: '2023-02-01' } }), 'EHC_PLAN')).toBe('2023-02-01');
      const cme = { reportedDate: '2026-09-20', reason: 'MOVED', status: 'OPEN', closedDate: null } as const;
      const offRoll = [enrolmentRecord({ leavingDate: '2026-07-17', onRoll: false })];
      expect(dateOf(pupilRecord({ enrolments: offRoll, childMissingEducation: [cme] }), 'NOT_ON_SCHOOL_ROLL')).toBe('2026-09-20');
      expect(dateOf(pupilRecord({ enrolments: offRoll }), 'NOT_ON_SCHOOL_ROLL')).toBe('2026-07-17');
      expect(dateOf(pupilRecord({ attendance: [term('2026/27', 80, 8)] }), 'PERSISTENT_ABSENCE')).toBeNull();
      expect(dateOf(pupilRecord({ upn: 'F93720012401A', upnTemporary: true }), 'TEMPORARY_UPN')).toBeNull();
    });
  });

  describe('ATTENDANCE_DROP', () => {
    const termRow = (academicYear: string, name: AttendanceRecord['term'], possible: number, missed: number, schoolShare = 1): AttendanceRecord => ({
      academicYear, term: name, sessionsPossible: Math.round(possible * schoolShare), sessionsAuthorised: Math.round(missed * schoolShare), sessionsUnauthorised: 0,
    });

    it('is raised when this term is at least 20 points below last term, dated by the first day of this term', () => {
      // Summer 2025/26: 97.0%; autumn 2026/27 so far: 75.0%.
      const pupil = pupilRecord({ attendance: [termRow('2025/26', 'SUMMER', 132, 4), termRow('2026/27', 'AUTUMN', 72, 18)] });
      const flag = matchedFlags(pupil, ON).find((f) => f.code === 'ATTENDANCE_DROP');
      expect(flag).toMatchObject({ severity: 'AMBER', date: '2026-09-03' });
      expect(flag?.summary).toMatch(/from 97% \(summer term 2025\/26\) to 75% \(autumn term 2026\/27 so far\), down 22 points/);
    });

    it('compares within the academic year too (spring against autumn) and sums a term over schools', () => {
      const pupil = pupilRecord({
        attendance: [termRow('2026/27', 'AUTUMN', 140, 0), termRow('2026/27', 'SPRING', 40, 2), termRow('2026/27', 'SPRING', 40, 18)],
      });
      expect(codes(matchedFlags(pupil, '2027-03-01'))).toContain('ATTENDANCE_DROP');
    });

    it('is not raised for a fall under 20 points, without last term, or on too few sessions this term', () => {
      const under = pupilRecord({ attendance: [termRow('2025/26', 'SUMMER', 132, 4), termRow('2026/27', 'AUTUMN', 72, 16)] });
      expect(codes(matchedFlags(under, ON))).not.toContain('ATTENDANCE_DROP');
      const noLastTerm = pupilRecord({ attendance: [termRow('2026/27', 'AUTUMN', 72, 30)] });
      expect(codes(matchedFlags(noLastTerm, ON))).not.toContain('ATTENDANCE_DROP');
      const firstWeek = pupilRecord({ attendance: [termRow('2025/26', 'SUMMER', 132, 0), termRow('2026/27', 'AUTUMN', 8, 6)] });
      expect(codes(matchedFlags(firstWeek, ON))).not.toContain('ATTENDANCE_DROP');
    });
  });

  describe('IN_YEAR_SCHOOL_MOVES', () => {
    const history = (...entries: string[]) => entries.map((entryDate, i) =>
      enrolmentRecord({ entryDate, leavingDate: entries[i + 1] ?? null, onRoll: i === entries.length - 1, school: { ...SCHOOL, name: `School ${i}` } }));

    it('is raised for two in-year moves in the last 12 months, dated by the latest', () => {
      const flag = matchedFlags(pupilRecord({ enrolments: history('2022-09-05', '2026-03-26', '2026-07-14') }), ON)
        .find((f) => f.code === 'IN_YEAR_SCHOOL_MOVES');
      expect(flag).toMatchObject({ severity: 'AMBER', date: '2026-07-14' });
      expect(flag?.summary).toBe('2 in-year school moves in the last 12 months, latest to School 2 on 2026-07-14.');
    });

    it('is not raised for one move, for September starts, for moves over 12 months ago or for subsidiary registrations', () => {
      const flagged = (enrolments: ReturnType<typeof history>) => codes(matchedFlags(pupilRecord({ enrolments }), ON)).includes('IN_YEAR_SCHOOL_MOVES');
      expect(flagged(history('2022-09-05', '2026-07-14'))).toBe(false);
      expect(flagged(history('2022-09-05', '2025-09-03', '2026-09-03'))).toBe(false);
      expect(flagged(history('2022-09-05', '2025-06-02', '2026-07-14'))).toBe(false);
      const dual = history('2022-09-05', '2026-03-26', '2026-07-14');
      dual[1] = { ...dual[1], enrolStatus: 'S' };
      expect(flagged(dual)).toBe(false);
    });
  });

  describe('ALTERNATIVE_PROVISION', () => {
    it('is raised for a placement open now, with the reason in words, dated by its start', () => {
      const pupil = pupilRecord({ alternativeProvision: [{ apReason: 'MHN', provider: 'Ridgeway Learning Centre', startDate: '2026-09-22', endDate: null }] });
      const [flag] = matchedFlags(pupil, ON);
      expect(flag).toEqual({
        code: 'ALTERNATIVE_PROVISION',
        severity: 'AMBER',
        date: '2026-09-22',
        summary: 'In alternative provision at Ridgeway Learning Centre since 2026-09-22 (mental health needs).',
      });
    });

    it('is not raised for an ended or a future placement', () => {
      const ended = { apReason: 'PEX' as const, provider: 'P', startDate: '2025-01-06', endDate: '2025-07-01' };
      const future = { apReason: 'ASP' as const, provider: 'P', startDate: '2026-11-09', endDate: null };
      expect(matchedFlags(pupilRecord({ alternativeProvision: [ended, future] }), ON)).toEqual([]);
    });
  });

  describe('FREE_SCHOOL_MEALS', () => {
    it('is raised (GREEN) while eligible, dated by the start of eligibility, and not after it ended', () => {
      expect(matchedFlags(pupilRecord({ freeSchoolMeals: [{ startDate: '2025-09-03', endDate: null }] }), ON)).toEqual([
        { code: 'FREE_SCHOOL_MEALS', severity: 'GREEN', date: '2025-09-03', summary: 'Eligible for free school meals since 2025-09-03.' },
      ]);
      expect(matchedFlags(pupilRecord({ freeSchoolMeals: [{ startDate: '2024-09-03', endDate: '2026-07-22' }] }), ON)).toEqual([]);
    });
  });

  describe('ELECTIVE_HOME_EDUCATION', () => {
    const home = (notice: EheRecord) => pupilRecord({ enrolments: [], electiveHomeEducation: [notice] });

    it('is raised for home education notified over 12 months ago, dated by the notice', () => {
      const older = ehe({ notifiedDate: '2024-06-01', laVisitDate: '2024-07-01', suitabilityOutcome: 'SUITABLE' });
      expect(matchedFlags(home(older), ON)).toEqual([
        expect.objectContaining({ code: 'ELECTIVE_HOME_EDUCATION', severity: 'AMBER', date: '2024-06-01' }),
      ]);
    });

    it('is not raised for ended home education (a child then on no roll is missing education instead)', () => {
      expect(codes(matchedFlags(home(ehe({ notifiedDate: '2024-06-01', endedDate: '2025-01-01' })), ON))).toEqual(['NOT_ON_SCHOOL_ROLL']);
    });

    it.each(['2025-11-01', '2025-11-02', '2026-10-31', '2024-01-15', '2026-11-01'])(
      'gives a child home educated since %s exactly one of the two home-education codes',
      (notifiedDate) => {
        const found = codes(matchedFlags(home(ehe({ notifiedDate })), ON)).filter((code) => code.startsWith('ELECTIVE_HOME_EDUCATION'));
        expect(found).toHaveLength(1);
      },
    );
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
