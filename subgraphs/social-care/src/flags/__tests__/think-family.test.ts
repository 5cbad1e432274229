import { AS_OF, assessment, closed, cpPlan, earlyHelp, lookedAfter, member, person, referral, section42 } from '../../__tests__/fixtures';
import { adultAtRiskWithChildrenFlag, openSection42Flag, previousSection42Flag, selfNeglectFlag } from '../adults';
import { lookedAfterFlag, openChildInNeedFlag, openCpPlanFlag, referralFlag } from '../children';
import { assessmentFactorFlags, latestAssessment } from '../factors';
import { householdChildrenFlags, toxicTrioFlag } from '../household';
import { personFlags } from '../index';

// AS_OF is 2026-11-01: "last 2 years" starts after 2024-11-01, "last 12 months" after 2025-11-01.
const assessed = (date: string, factors: Parameters<typeof assessment>[1]) => referral(date, { assessments: [assessment(date, factors)] });
const closedAssessed = (date: string, factors: Parameters<typeof assessment>[1]) =>
  closed(date, date, { assessments: [assessment(date, factors)] });
const codes = (flags: { code: string }[]) => flags.map((flag) => flag.code);

describe('flag dates', () => {
  it('dates OPEN_CP_PLAN, LOOKED_AFTER and OPEN_CHILD_IN_NEED by their start', () => {
    expect(openCpPlanFlag(person({ childProtectionPlans: [cpPlan('2026-06-01', null)] }), AS_OF)?.date).toBe('2026-06-01');
    expect(lookedAfterFlag(person({ lookedAfterEpisodes: [lookedAfter('2026-03-02', null)] }), AS_OF)?.date).toBe('2026-03-02');
    expect(openChildInNeedFlag(person({ referrals: [referral('2026-09-01')] }), AS_OF)?.date).toBe('2026-09-01');
  });

  it('dates RE_REFERRAL_12M and REPEAT_REFERRALS_12M by the latest referral', () => {
    const twice = person({ referrals: [closed('2026-02-01', '2026-02-10'), referral('2026-08-01')] });
    expect(referralFlag(twice, AS_OF)).toMatchObject({ code: 'RE_REFERRAL_12M', date: '2026-08-01' });
    const thrice = person({ referrals: [closed('2026-01-01', '2026-01-05'), closed('2026-04-01', '2026-04-05'), referral('2026-09-15')] });
    expect(referralFlag(thrice, AS_OF)).toMatchObject({ code: 'REPEAT_REFERRALS_12M', date: '2026-09-15' });
  });

  it('dates the household flags by the latest plan or episode start, and TOXIC_TRIO by the latest trio assessment', () => {
    const flags = householdChildrenFlags(person({
      isAdult: true,
      household: [
        member({ childProtectionPlans: [cpPlan('2026-05-01', null)] }),
        member({ childProtectionPlans: [cpPlan('2026-07-10', null)] }),
        member({ lookedAfterEpisodes: [lookedAfter('2026-03-01', null)] }),
      ],
    }), AS_OF);
    expect(flags.find((flag) => flag.code === 'HOUSEHOLD_CHILD_CP_PLAN')?.date).toBe('2026-07-10');
    expect(flags.find((flag) => flag.code === 'HOUSEHOLD_CHILD_LOOKED_AFTER')?.date).toBe('2026-03-01');
    const trio = toxicTrioFlag(person({
      referrals: [assessed('2026-02-01', ['4B'])],
      household: [member({ referrals: [assessed('2026-06-01', ['3B', '16A']), assessed('2026-09-01', ['5B'])] })],
    }), AS_OF);
    expect(trio?.date).toBe('2026-06-01');
  });

  it('gives every finding of a busy record a date', () => {
    const child = person({
      referrals: [assessed('2026-06-01', ['3B', '11A'])],
      childProtectionPlans: [cpPlan('2026-07-01', null, { numberOfPreviousCpp: 1 }), cpPlan('2024-01-01', '2024-09-01')],
      earlyHelpEpisodes: [earlyHelp('2026-01-01', null)],
      household: [member({ childProtectionPlans: [cpPlan('2026-02-01', null)] })],
    });
    const flags = personFlags(child, AS_OF);
    expect(codes(flags)).toEqual(expect.arrayContaining(['OPEN_CP_PLAN', 'CSE_RISK', 'DOMESTIC_ABUSE_FACTOR', 'TOXIC_TRIO', 'PREVIOUS_CP_PLAN', 'OPEN_EARLY_HELP']));
    for (const flag of flags) expect(flag.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('assessment factor flags', () => {
  it.each([
    ['11A', 'CSE_RISK', 'RED'], ['24A', 'CCE_RISK', 'RED'], ['12A', 'TRAFFICKING_RISK', 'RED'], ['22A', 'FGM_RISK', 'RED'],
    ['13A', 'GANGS_RISK', 'AMBER'], ['10A', 'GOING_MISSING_RISK', 'AMBER'], ['3A', 'DOMESTIC_ABUSE_FACTOR', 'AMBER'],
    ['3B', 'DOMESTIC_ABUSE_FACTOR', 'AMBER'], ['3C', 'DOMESTIC_ABUSE_FACTOR', 'AMBER'], ['23A', 'FAITH_BASED_ABUSE_RISK', 'AMBER'],
    ['4B', 'PARENTAL_MENTAL_HEALTH_FACTOR', 'AMBER'], ['1B', 'PARENTAL_SUBSTANCE_MISUSE_FACTOR', 'AMBER'],
    ['2B', 'PARENTAL_SUBSTANCE_MISUSE_FACTOR', 'AMBER'],
  ] as const)('factor %s raises %s (%s), dated by the assessment', (factor, code, severity) => {
    const flags = assessmentFactorFlags(person({ referrals: [closedAssessed('2026-04-10', [factor])] }), AS_OF);
    expect(flags).toEqual([expect.objectContaining({ code, severity, date: '2026-04-10' })]);
    expect(flags[0].summary).toContain(`(${factor})`);
  });

  it('raises nothing for unrelated factors (2A, 4A, 4C, 16A, 21), or for no assessment', () => {
    expect(assessmentFactorFlags(person({ referrals: [assessed('2026-06-01', ['2A', '4A', '4C', '16A', '21'])] }), AS_OF)).toEqual([]);
    expect(assessmentFactorFlags(person({ referrals: [referral('2026-06-01')] }), AS_OF)).toEqual([]);
  });

  it('one flag per family: 1B and 2B together make one PARENTAL_SUBSTANCE_MISUSE_FACTOR', () => {
    const flags = assessmentFactorFlags(person({ referrals: [assessed('2026-06-01', ['1B', '2B', '3A', '3B'])] }), AS_OF);
    expect(codes(flags)).toEqual(['DOMESTIC_ABUSE_FACTOR', 'PARENTAL_SUBSTANCE_MISUSE_FACTOR']);
  });

  it('reads the latest assessment only: a later assessment without the factor supersedes', () => {
    const child = person({ referrals: [closedAssessed('2026-01-10', ['11A']), assessed('2026-08-01', ['21'])] });
    expect(assessmentFactorFlags(child, AS_OF)).toEqual([]);
    expect(latestAssessment(child, AS_OF)?.startDate).toBe('2026-08-01');
  });

  it('ignores assessments over 2 years old and ones after the reference date', () => {
    expect(assessmentFactorFlags(person({ referrals: [closedAssessed('2024-10-01', ['11A'])] }), AS_OF)).toEqual([]);
    expect(assessmentFactorFlags(person({ referrals: [assessed('2026-12-01', ['11A'])] }), AS_OF)).toEqual([]);
  });

  it('weighs an exploitation factor AMBER once the assessment is over 12 months old on a closed episode, RED while the episode is open', () => {
    const older = assessmentFactorFlags(person({ referrals: [closedAssessed('2025-06-01', ['24A'])] }), AS_OF);
    expect(older).toEqual([expect.objectContaining({ code: 'CCE_RISK', severity: 'AMBER', date: '2025-06-01' })]);
    const open = assessmentFactorFlags(person({ referrals: [assessed('2025-06-01', ['24A'])] }), AS_OF);
    expect(open).toEqual([expect.objectContaining({ code: 'CCE_RISK', severity: 'RED' })]);
  });

  it('keeps TOXIC_TRIO alongside the per-factor flags', () => {
    const flags = personFlags(person({ referrals: [assessed('2026-06-01', ['3B', '4B'])] }), AS_OF);
    expect(codes(flags)).toEqual(expect.arrayContaining(['TOXIC_TRIO', 'DOMESTIC_ABUSE_FACTOR', 'PARENTAL_MENTAL_HEALTH_FACTOR']));
  });
});

describe('adult safeguarding flags', () => {
  const adult = (overrides: Parameters<typeof person>[0]) => person({ isAdult: true, ...overrides });

  it('dates OPEN_S42_ENQUIRY by the concern', () => {
    expect(openSection42Flag(adult({ section42Enquiries: [section42('2026-10-01', null)] }), AS_OF)?.date).toBe('2026-10-01');
  });

  it('raises PREVIOUS_S42_12M for an enquiry closed in the last 12 months, dated by the closure', () => {
    const found = previousSection42Flag(adult({ section42Enquiries: [section42('2026-01-01', '2026-03-01')] }), AS_OF);
    expect(found).toMatchObject({ code: 'PREVIOUS_S42_12M', severity: 'AMBER', date: '2026-03-01' });
  });

  it('does not raise PREVIOUS_S42_12M for an open enquiry, or one closed over 12 months ago', () => {
    expect(previousSection42Flag(adult({ section42Enquiries: [section42('2026-10-01', null)] }), AS_OF)).toBeNull();
    expect(previousSection42Flag(adult({ section42Enquiries: [section42('2025-06-01', '2025-09-01')] }), AS_OF)).toBeNull();
  });

  it('raises SELF_NEGLECT for an open or recently closed enquiry with that risk type, dated by its concern', () => {
    const open = selfNeglectFlag(adult({ section42Enquiries: [section42('2026-10-01', null, { riskTypes: ['SELF_NEGLECT'] })] }), AS_OF);
    expect(open).toMatchObject({ code: 'SELF_NEGLECT', severity: 'AMBER', date: '2026-10-01' });
    const recent = selfNeglectFlag(adult({ section42Enquiries: [section42('2026-02-01', '2026-04-01', { riskTypes: ['SELF_NEGLECT', 'FINANCIAL_OR_MATERIAL'] })] }), AS_OF);
    expect(recent).toMatchObject({ code: 'SELF_NEGLECT', date: '2026-02-01' });
  });

  it('does not raise SELF_NEGLECT for other risk types or an old enquiry', () => {
    expect(selfNeglectFlag(adult({ section42Enquiries: [section42('2026-10-01', null)] }), AS_OF)).toBeNull();
    expect(selfNeglectFlag(adult({ section42Enquiries: [section42('2024-01-01', '2024-03-01', { riskTypes: ['SELF_NEGLECT'] })] }), AS_OF)).toBeNull();
  });

  it('raises ADULT_AT_RISK_WITH_CHILDREN for an open enquiry with a child at the address, and not otherwise', () => {
    const enquiry = [section42('2026-09-01', null)];
    expect(adultAtRiskWithChildrenFlag(adult({ section42Enquiries: enquiry, household: [member({ isAdult: false })] }), AS_OF))
      .toMatchObject({ code: 'ADULT_AT_RISK_WITH_CHILDREN', severity: 'AMBER', date: '2026-09-01' });
    expect(adultAtRiskWithChildrenFlag(adult({ section42Enquiries: enquiry, household: [member({ isAdult: true })] }), AS_OF)).toBeNull();
    expect(adultAtRiskWithChildrenFlag(adult({ household: [member({ isAdult: false })] }), AS_OF)).toBeNull();
  });
});
