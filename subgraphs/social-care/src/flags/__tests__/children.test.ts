import { AS_OF, assessment, closed, cpPlan, lookedAfter, person, referral } from '../../__tests__/fixtures';
import { lookedAfterFlag, openChildInNeedFlag, openCpPlanFlag, previousCpPlanFlag, referralFlag } from '../children';

describe('OPEN_CP_PLAN', () => {
  it('is RED for a current plan, naming the category', () => {
    const found = openCpPlanFlag(person({ childProtectionPlans: [cpPlan('2026-06-01', null, { latestCategory: 'EMO' })] }), AS_OF);
    expect(found).toMatchObject({ code: 'OPEN_CP_PLAN', severity: 'RED' });
    expect(found?.summary).toContain('emotional abuse');
  });

  it('is not raised for a plan that has ended', () => {
    expect(openCpPlanFlag(person({ childProtectionPlans: [cpPlan('2025-06-01', '2026-02-01')] }), AS_OF)).toBeNull();
  });
});

describe('LOOKED_AFTER', () => {
  it('is RED while looked after, and says when it was police protection', () => {
    const found = lookedAfterFlag(person({ lookedAfterEpisodes: [lookedAfter('2026-10-30', null, { legalStatus: 'L1' })] }), AS_OF);
    expect(found).toMatchObject({ code: 'LOOKED_AFTER', severity: 'RED' });
    expect(found?.summary).toContain('police protection');
  });

  it('is not raised once the episode ceased', () => {
    expect(lookedAfterFlag(person({ lookedAfterEpisodes: [lookedAfter('2024-01-01', '2025-01-01')] }), AS_OF)).toBeNull();
  });
});

describe('OPEN_CHILD_IN_NEED', () => {
  it('is AMBER for an open CIN episode without a plan', () => {
    expect(openChildInNeedFlag(person({ referrals: [referral('2026-09-01')] }), AS_OF)).toMatchObject({ code: 'OPEN_CHILD_IN_NEED', severity: 'AMBER' });
  });

  it('is left to OPEN_CP_PLAN when the child is on a plan, and not raised for closed episodes', () => {
    expect(openChildInNeedFlag(person({ referrals: [referral('2026-05-01')], childProtectionPlans: [cpPlan('2026-06-01', null)] }), AS_OF)).toBeNull();
    expect(openChildInNeedFlag(person({ referrals: [closed('2026-05-01', '2026-05-20')] }), AS_OF)).toBeNull();
  });
});

describe('re-referrals', () => {
  it('raises RE_REFERRAL_12M for a referral within 12 months of the previous one', () => {
    const found = referralFlag(person({ referrals: [closed('2025-12-01', '2025-12-20'), referral('2026-08-01')] }), AS_OF);
    expect(found).toMatchObject({ code: 'RE_REFERRAL_12M', severity: 'AMBER' });
    expect(found?.summary).toContain('2026-08-01');
  });

  it('counts a re-referral whose previous referral is older than the 12-month window', () => {
    expect(referralFlag(person({ referrals: [closed('2025-09-01', '2025-09-10'), referral('2026-02-01')] }), AS_OF)?.code).toBe('RE_REFERRAL_12M');
  });

  it('raises REPEAT_REFERRALS_12M for three referrals in 12 months', () => {
    const referrals = [closed('2026-01-05', '2026-01-06'), closed('2026-04-05', '2026-04-06'), referral('2026-09-01')];
    expect(referralFlag(person({ referrals }), AS_OF)).toMatchObject({ code: 'REPEAT_REFERRALS_12M', severity: 'AMBER' });
  });

  it('is not raised for referrals more than 12 months apart, or a single referral', () => {
    expect(referralFlag(person({ referrals: [closed('2024-06-01', '2024-06-20'), referral('2026-08-01')] }), AS_OF)).toBeNull();
    expect(referralFlag(person({ referrals: [referral('2026-08-01')] }), AS_OF)).toBeNull();
  });
});

describe('PREVIOUS_CP_PLAN', () => {
  it('is AMBER for a plan that ended in the last 12 months, with the end date', () => {
    const found = previousCpPlanFlag(person({ childProtectionPlans: [cpPlan('2025-09-01', '2026-04-01')] }), AS_OF);
    expect(found).toMatchObject({ code: 'PREVIOUS_CP_PLAN', severity: 'AMBER' });
    expect(found?.summary).toBe('1 previous child protection plan, the latest from 2025-09-01 to 2026-04-01 (category: neglect)');
    expect(found?.date).toBe('2026-04-01');
  });

  it('counts NumberOfPreviousCPP on a current plan', () => {
    const found = previousCpPlanFlag(person({ childProtectionPlans: [cpPlan('2026-06-01', null, { numberOfPreviousCpp: 2 })] }), AS_OF);
    expect(found?.summary).toBe('2 previous child protection plans');
    expect(found?.date).toBeNull();
  });

  it('is not raised for a first plan still current, or no plan', () => {
    expect(previousCpPlanFlag(person({ childProtectionPlans: [cpPlan('2026-06-01', null)] }), AS_OF)).toBeNull();
    expect(previousCpPlanFlag(person({ referrals: [referral('2026-06-01', { assessments: [assessment('2026-06-02', ['21'])] })] }), AS_OF)).toBeNull();
  });
});
