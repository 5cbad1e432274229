import { disclosureRules, type Obligation } from '@mash/shared';
import { ON, enrolmentRecord, pupilRecord } from './pupil.fixture';
import { disclosable, educationRecord, identityRecord } from '../record';

const context = (obligations: Obligation[] = []) => ({ asOf: ON, disclose: disclosureRules(obligations) });

describe('educationRecord', () => {
  it('summarises the pupil for a MASH on the date', () => {
    const record = educationRecord(
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
      context(),
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
      alternativeProvision: null,
      freeSchoolMeals: false,
    });
  });

  it('shows the alternative provision placement and free school meals open on the date, not ended ones', () => {
    const record = educationRecord(
      pupilRecord({
        alternativeProvision: [
          { apReason: 'PEX', provider: 'Old Provider', startDate: '2025-01-06', endDate: '2025-07-01' },
          { apReason: 'MHN', provider: 'Ridgeway Learning Centre', startDate: '2026-09-22', endDate: null },
        ],
        freeSchoolMeals: [{ startDate: '2025-09-03', endDate: null }],
      }),
      context(),
    );
    expect(record).toMatchObject({
      alternativeProvision: { reason: 'MHN', provider: 'Ridgeway Learning Centre', startDate: '2026-09-22' },
      freeSchoolMeals: true,
    });
    const ended = educationRecord(pupilRecord({ freeSchoolMeals: [{ startDate: '2024-09-03', endDate: '2025-07-20' }] }), context());
    expect(ended).toMatchObject({ alternativeProvision: null, freeSchoolMeals: false });
  });

  it('shows a child off roll with their home education and no school', () => {
    const record = educationRecord(
      pupilRecord({
        enrolments: [enrolmentRecord({ leavingDate: '2026-05-01', onRoll: false })],
        electiveHomeEducation: [
          { notifiedDate: '2026-05-01', previousSchoolUrn: '937001', laVisitDate: null, suitabilityOutcome: 'PENDING', endedDate: null },
        ],
      }),
      context(),
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

describe('disclosable', () => {
  const pupil = pupilRecord({
    operationEncompass: (['STANDARD', 'MEDIUM', null] as const).map((dashRisk, i) => ({
      occurrenceRef: `WK-${i}`,
      receivedAt: '2026-06-01T07:00:00Z',
      dashRisk,
      dslActionTaken: null,
    })),
  });

  it('leaves out standard-risk domestic abuse, keeping graded-higher and ungraded notifications', () => {
    const kept = disclosable(pupil, disclosureRules(['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'])).operationEncompass.map((n) => n.dashRisk);
    expect(kept).toEqual(['MEDIUM', null]);
    expect(educationRecord(pupil, context(['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'])).operationEncompass?.notificationsLast12Months).toBe(2);
  });

  it('changes nothing without the obligation', () => {
    expect(disclosable(pupil, disclosureRules([]))).toBe(pupil);
  });
});

describe('identityRecord', () => {
  it('shows a possible match by id and UPN only, its history withheld (null, not "none")', () => {
    const record = identityRecord({ id: 'p-1', upn: 'G937200124001' });
    expect(record).toMatchObject({ id: 'p-1', upn: 'G937200124001' });
    const { id: _id, upn: _upn, ...history } = record;
    expect(Object.values(history).every((value) => value === null)).toBe(true);
  });
});
