import { GraphQLError } from 'graphql';
import { ON, enrolmentRecord, pupilRecord } from '../../domain/__tests__/pupil.fixture';
import { toEducationRecord } from '../education-record';
import { applyObligations } from '../obligations';
import { educationFacts } from '../subject-facts';

describe('toEducationRecord', () => {
  it('summarises the pupil for a MASH on the date', () => {
    const record = toEducationRecord(
      pupilRecord({
        attendance: [
          { academicYear: '2026/27', term: 'AUTUMN', sessionsPossible: 78, sessionsAuthorised: 6, sessionsUnauthorised: 3 },
          { academicYear: '2025/26', term: 'SUMMER', sessionsPossible: 116, sessionsAuthorised: 50, sessionsUnauthorised: 0 },
        ],
        exclusions: [
          { startDate: '2025-10-01', category: 'SUSP', sessions: 2, reasons: ['DB'] },
          { startDate: '2026-02-03', category: 'SUSP', sessions: 1, reasons: ['VA', 'DB'] },
          { startDate: '2026-10-05', category: 'SUSP', sessions: 4, reasons: ['PA'] },
        ],
        sen: { provision: 'K', needs: ['SEMH'], ehcpStart: null },
        operationEncompass: [
          { occurrenceRef: 'WK-1', receivedAt: '2026-06-01T07:00:00+00:00', dashRisk: 'HIGH', dslActionTaken: 'REFERRED_TO_MASH' },
          { occurrenceRef: 'WK-0', receivedAt: '2025-06-01T07:00:00+00:00', dashRisk: 'MEDIUM', dslActionTaken: 'MONITORING' },
        ],
      }),
      ON,
    );
    expect(record).toEqual({
      id: '00000000-0000-5000-8000-000000000001',
      upn: 'G937200124001',
      upnTemporary: false,
      currentSchool: {
        urn: '937001',
        name: 'Avon Valley Primary School',
        phase: 'PRIMARY',
        dslContact: { role: 'Designated Safeguarding Lead', phone: '01632 960100' },
      },
      onRoll: true,
      partTime: false,
      attendanceThisYear: {
        academicYear: '2026/27',
        sessionsPossible: 78,
        attendancePercent: 88.5,
        persistentAbsence: true,
        severeAbsence: false,
      },
      exclusionsLast12Months: [
        { startDate: '2026-10-05', category: 'SUSP', sessions: 4, reasons: ['PA'] },
        { startDate: '2026-02-03', category: 'SUSP', sessions: 1, reasons: ['VA', 'DB'] },
      ],
      senProvision: 'K',
      electiveHomeEducation: null,
      childMissingEducation: null,
      operationEncompass: { notificationsLast12Months: 1, latestReceivedOn: '2026-06-01' },
    });
  });

  it('shows a child off roll with their home education and no school', () => {
    const record = toEducationRecord(
      pupilRecord({
        enrolments: [enrolmentRecord({ leavingDate: '2026-05-01', onRoll: false })],
        electiveHomeEducation: [
          { notifiedDate: '2026-05-01', previousSchoolUrn: '937001', laVisitDate: null, suitabilityOutcome: 'PENDING', endedDate: null },
        ],
      }),
      ON,
    );
    expect(record).toMatchObject({
      onRoll: false,
      currentSchool: null,
      attendanceThisYear: null,
      senProvision: 'N',
      electiveHomeEducation: { current: true, notifiedDate: '2026-05-01' },
    });
  });
});

describe('applyObligations', () => {
  const pupil = pupilRecord({
    operationEncompass: (['STANDARD', 'MEDIUM', null] as const).map((dashRisk, i) => ({
      occurrenceRef: `WK-${i}`,
      receivedAt: '2026-06-01T07:00:00Z',
      dashRisk,
      dslActionTaken: null,
    })),
  });

  it('leaves out standard-risk domestic abuse, keeping graded-higher and ungraded notifications', () => {
    const kept = applyObligations(pupil, ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']).operationEncompass.map((n) => n.dashRisk);
    expect(kept).toEqual(['MEDIUM', null]);
  });

  it('changes nothing without the obligation', () => {
    expect(applyObligations(pupil, [])).toBe(pupil);
  });
});

describe('educationFacts', () => {
  const subject = { id: 'S-1', familyName: 'Okafor', givenName: 'Amara', dateOfBirth: '2018-03-14' };

  it('normalises the UPN', () => {
    expect(educationFacts({ ...subject, upn: 'g937 2001 24001' })).toMatchObject({ upn: 'G937200124001' });
  });

  it.each([
    [{ upn: 'G937200124009' }, /S-1: upn "G937200124009"/],
    [{ dateOfBirth: '2018-02-30' }, /S-1: dateOfBirth "2018-02-30"/],
    [{ dateOfBirth: '14/03/2018' }, /dateOfBirth/],
  ])('refuses %p with BAD_USER_INPUT', (fields, message) => {
    const result = educationFacts({ ...subject, ...fields });
    expect(result).toBeInstanceOf(GraphQLError);
    expect((result as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((result as GraphQLError).message).toMatch(message);
  });
});
