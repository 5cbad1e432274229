import { AS_OF, assessment, candidate, closed, cpPlan, earlyHelp, lookedAfter, person, referral, section42 } from '../../__tests__/fixtures';
import { identityRecord, socialCareRecord } from '../record';

describe('socialCareRecord', () => {
  it('discloses current episodes, the last 12 months and recent factors', () => {
    const open = referral('2026-05-01', {
      source: '6', assessments: [assessment('2026-05-03', ['3B', '2B'])],
    });
    const record = socialCareRecord(person({
      id: 'WCC-100001', upn: 'G937200124001',
      referrals: [closed('2025-10-01', '2025-10-20', { assessments: [assessment('2025-10-02', ['4B'])] }), open],
      childProtectionPlans: [cpPlan('2025-01-01', '2025-08-01'), cpPlan('2026-06-10', null, { latestCategory: 'EMO', numberOfPreviousCpp: 1 })],
      earlyHelpEpisodes: [earlyHelp('2026-01-01', '2026-04-30')],
    }), AS_OF);

    expect(record).toMatchObject({
      personId: 'WCC-100001', upn: 'G937200124001', nhsNumber: '9990000018', isAdult: false, expectedDateOfBirth: null,
      currentStatuses: ['CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN'],
      openReferral: { referralDate: '2026-05-01', source: '6', primaryNeed: 'N1', closureDate: null, noFurtherAction: false },
      currentChildProtectionPlan: { startDate: '2026-06-10', endDate: null, initialCategory: 'NEG', latestCategory: 'EMO' },
      childProtectionPlansEndedLast12Months: [],
      previousChildProtectionPlans: 1,
      currentLookedAfterEpisode: null,
      openEarlyHelp: null,
      openSection42Enquiries: [],
    });
    expect(record.referralsLast12Months!.map((r) => r.referralDate)).toEqual(['2026-05-01']);
    expect(record.assessmentFactors!.map((f) => f.code)).toEqual(['2B', '3B']);
    expect(record.assessmentFactors![0]).toEqual({ code: '2B', description: 'Drug misuse: parent/carer', assessedOn: '2026-05-03' });
  });

  it('discloses care, early help and an adult enquiry, without placement or practitioner details', () => {
    const child = socialCareRecord(person({
      lookedAfterEpisodes: [lookedAfter('2026-02-01', null, { legalStatus: 'C1', placementType: 'U6' })],
      earlyHelpEpisodes: [earlyHelp('2026-09-01', null)],
    }), AS_OF);
    expect(child.currentLookedAfterEpisode).toEqual({ startDate: '2026-02-01', legalStatus: 'C1', placementType: 'U6' });
    expect(child.openEarlyHelp).toEqual({
      startDate: '2026-09-01', leadAgency: 'SCHOOL', leadProfessionalRole: 'DESIGNATED_SAFEGUARDING_LEAD', planStatus: 'PLAN_IN_PLACE',
    });

    const adult = socialCareRecord(person({ isAdult: true, section42Enquiries: [section42('2026-10-01', null)] }), AS_OF);
    expect(adult.currentStatuses).toEqual(['ADULT_SAFEGUARDING_ENQUIRY']);
    expect(adult.openSection42Enquiries![0]).not.toHaveProperty('consentOverrideReason');
    expect(adult.openSection42Enquiries![0]).toMatchObject({ riskTypes: ['DOMESTIC_ABUSE', 'PSYCHOLOGICAL'], consent: 'OBTAINED' });
  });

  it('lists plans ended in the last 12 months and counts them as previous', () => {
    const record = socialCareRecord(person({ childProtectionPlans: [cpPlan('2025-10-01', '2026-03-01')] }), AS_OF);
    expect(record.childProtectionPlansEndedLast12Months).toEqual([
      { startDate: '2025-10-01', endDate: '2026-03-01', initialCategory: 'NEG', latestCategory: 'NEG' },
    ]);
    expect(record.previousChildProtectionPlans).toBe(1);
    expect(record.currentStatuses).toEqual([]);
  });

  it('shows the expected date of birth of an unborn child only', () => {
    expect(socialCareRecord(person({ dateOfBirth: null, expectedDateOfBirth: '2027-01-15' }), AS_OF).expectedDateOfBirth).toBe('2027-01-15');
  });
});

describe('identityRecord', () => {
  it('carries identity but no history, for a possible match', () => {
    const record = identityRecord(candidate({ id: 'WCC-100002', upn: 'G937200124001', dateOfBirth: null, expectedDateOfBirth: '2027-01-15' }));
    expect(record).toMatchObject({ personId: 'WCC-100002', upn: 'G937200124001', nhsNumber: '9990000018', isAdult: false, expectedDateOfBirth: '2027-01-15' });
    for (const field of [
      'currentStatuses', 'openReferral', 'currentChildProtectionPlan', 'childProtectionPlansEndedLast12Months', 'previousChildProtectionPlans',
      'currentLookedAfterEpisode', 'referralsLast12Months', 'assessmentFactors', 'openEarlyHelp', 'openSection42Enquiries',
    ] as const) {
      expect(record[field]).toBeNull();
    }
  });
});
