import { planHistory } from '@mash/gateway/dist/hub/seed/history-plan';

/** The demo history's plan: deterministic, shaped like the hub's own six-month report. */
describe('the demo history plan', () => {
  const end = new Date('2026-12-01T10:00:00Z');
  const plans = planHistory({ end });
  const share = (test: (plan: (typeof plans)[number]) => boolean) => plans.filter(test).length / plans.length;

  it('is the same every time for the same options, and another for another seed', () => {
    expect(JSON.stringify(planHistory({ end }))).toBe(JSON.stringify(plans));
    expect(JSON.stringify(planHistory({ end, seed: 'other' }))).not.toBe(JSON.stringify(plans));
  });

  it('covers six months before the end, 3 referrals a week, none in the last two hours', () => {
    expect(plans).toHaveLength(78);
    const first = Math.min(...plans.map((plan) => plan.receivedAt.getTime()));
    const last = Math.max(...plans.map((plan) => plan.receivedAt.getTime()));
    expect(first).toBeGreaterThanOrEqual(end.getTime() - 26 * 7 * 86_400_000 - 86_400_000);
    expect(first).toBeLessThan(end.getTime() - 24 * 7 * 86_400_000);
    expect(last).toBeLessThan(end.getTime() - 2 * 3_600_000);
    expect(plans.map((plan) => plan.receivedAt.getTime())).toEqual([...plans.map((plan) => plan.receivedAt.getTime())].sort((a, b) => a - b));
  });

  it('has the rating mix of the hub\'s report: 44% RED or AMBER, 10% information requests, 46% GREEN', () => {
    expect(share((plan) => plan.group === 'RED' || plan.group === 'AMBER')).toBeCloseTo(0.44, 1);
    expect(share((plan) => plan.group === 'INFORMATION_REQUEST')).toBeCloseTo(0.1, 1);
    expect(share((plan) => plan.group === 'GREEN')).toBeCloseTo(0.46, 1);
    expect(plans.filter((plan) => plan.group === 'INFORMATION_REQUEST').every((plan) => plan.requester && plan.pathway === 'CHILDREN')).toBe(true);
  });

  it('decides RED mostly within its timescale, AMBER with some late, and leaves a backlog of more GREEN than AMBER', () => {
    const onTime = (group: string) => plans.filter((plan) => plan.group === group && !plan.backlog).filter((plan) => plan.timing.onTime).length / plans.filter((plan) => plan.group === group && !plan.backlog).length;
    expect(onTime('RED')).toBeGreaterThan(0.75);
    expect(onTime('AMBER')).toBeLessThan(0.95);
    const backlog = plans.filter((plan) => plan.backlog);
    const amber = backlog.filter((plan) => plan.group === 'AMBER').length;
    const green = backlog.filter((plan) => plan.group === 'GREEN').length;
    expect(amber).toBeGreaterThan(0);
    expect(green).toBeGreaterThan(amber);
    expect(backlog.every((plan) => plan.backlog!.firstRating !== plan.group && plan.receivedAt.getTime() > end.getTime() - 56 * 86_400_000)).toBe(true);
  });

  it('gives feedback to most referrers, and a recorded reason for anonymous ones', () => {
    expect(share((plan) => plan.feedback.kind !== 'WITHHELD')).toBeGreaterThan(0.8);
    for (const plan of plans.filter((item) => item.source.code === '9')) expect(plan.feedback).toMatchObject({ kind: 'WITHHELD', reason: 'ANONYMOUS_REFERRER' });
  });
});
