import { AS_OF, assessment, closed, cpPlan, earlyHelp, lookedAfter, member, person, referral, section42 } from '../../__tests__/fixtures';
import { openSection42Flag } from '../adults';
import { openEarlyHelpFlag } from '../early-help';
import { householdChildrenFlags, toxicTrioFlag } from '../household';
import { personFlags } from '../index';

const assessed = (date: string, factors: Parameters<typeof assessment>[1]) => referral(date, { assessments: [assessment(date, factors)] });

describe('TOXIC_TRIO', () => {
  it('is AMBER from a household member’s assessment and counts the elements', () => {
    const child = member({ referrals: [assessed('2026-07-01', ['3B', '2B', '16A'])] });
    const found = toxicTrioFlag(person({ isAdult: true, household: [child] }), AS_OF);
    expect(found).toMatchObject({ code: 'TOXIC_TRIO', severity: 'AMBER' });
    expect(found?.summary).toContain('domestic abuse (3B)');
    expect(found?.summary).toContain('parental substance misuse (2B)');
    expect(found?.summary).toContain('2 of the 3');
  });

  it('is not raised for other factors, or for assessments over 12 months old on closed episodes', () => {
    expect(toxicTrioFlag(person({ referrals: [assessed('2026-07-01', ['5B', '16A'])] }), AS_OF)).toBeNull();
    const old = closed('2024-01-01', '2024-03-01', { assessments: [assessment('2024-01-03', ['3B', '4B'])] });
    expect(toxicTrioFlag(person({ referrals: [old] }), AS_OF)).toBeNull();
  });
});

describe('think family', () => {
  it('raises HOUSEHOLD_CHILD_CP_PLAN and HOUSEHOLD_CHILD_LOOKED_AFTER without naming the child', () => {
    const sibling = member({ childProtectionPlans: [cpPlan('2026-05-01', null)] });
    const inCare = member({ lookedAfterEpisodes: [lookedAfter('2026-03-01', null)] });
    const flags = householdChildrenFlags(person({ isAdult: true, household: [sibling, inCare] }), AS_OF);
    expect(flags.map((f) => f.code)).toEqual(['HOUSEHOLD_CHILD_CP_PLAN', 'HOUSEHOLD_CHILD_LOOKED_AFTER']);
    expect(flags.every((f) => f.severity === 'AMBER' && !f.summary.includes(sibling.id))).toBe(true);
  });

  it('is not raised when no one else in the household is on a plan or in care', () => {
    const sibling = member({ childProtectionPlans: [cpPlan('2025-01-01', '2025-06-01')] });
    expect(householdChildrenFlags(person({ household: [sibling] }), AS_OF)).toEqual([]);
  });

  it('is left to OPEN_CP_PLAN when the person is on a plan too', () => {
    const sibling = member({ childProtectionPlans: [cpPlan('2026-05-01', null)] });
    expect(householdChildrenFlags(person({ childProtectionPlans: [cpPlan('2026-05-01', null)], household: [sibling] }), AS_OF)).toEqual([]);
  });
});

describe('OPEN_S42_ENQUIRY', () => {
  it('is AMBER for an open enquiry, with risks and children in the household', () => {
    const adult = person({ isAdult: true, section42Enquiries: [section42('2026-10-01', null)], household: [member()] });
    const found = openSection42Flag(adult, AS_OF);
    expect(found).toMatchObject({ code: 'OPEN_S42_ENQUIRY', severity: 'AMBER' });
    expect(found?.summary).toBe('Open section 42 enquiry since 2026-10-01 (risk: domestic abuse, psychological); children live in the household');
  });

  it('is not raised for a concluded enquiry', () => {
    const adult = person({ isAdult: true, section42Enquiries: [section42('2025-01-01', '2025-03-01')] });
    expect(openSection42Flag(adult, AS_OF)).toBeNull();
  });
});

describe('OPEN_EARLY_HELP', () => {
  it('is GREEN and names the lead agency and role, never a practitioner', () => {
    const found = openEarlyHelpFlag(person({ earlyHelpEpisodes: [earlyHelp('2026-08-01', null)] }), AS_OF);
    expect(found).toEqual({
      code: 'OPEN_EARLY_HELP', severity: 'GREEN', summary: 'Open early help since 2026-08-01, led by school (designated safeguarding lead)',
      date: '2026-08-01',
    });
  });

  it('is not raised for a closed episode', () => {
    expect(openEarlyHelpFlag(person({ earlyHelpEpisodes: [earlyHelp('2025-08-01', '2026-01-01')] }), AS_OF)).toBeNull();
  });
});

describe('personFlags', () => {
  it('orders RED before AMBER before GREEN', () => {
    const child = person({
      referrals: [assessed('2026-06-01', ['3B'])],
      childProtectionPlans: [cpPlan('2026-07-01', null)],
      earlyHelpEpisodes: [earlyHelp('2026-01-01', null)],
    });
    expect(personFlags(child, AS_OF).map((f) => f.severity)).toEqual(['RED', 'AMBER', 'AMBER', 'GREEN']);
  });

  it('finds nothing for a person with only old, closed history', () => {
    expect(personFlags(person({ referrals: [closed('2020-01-01', '2020-02-01')] }), AS_OF)).toEqual([]);
  });
});
