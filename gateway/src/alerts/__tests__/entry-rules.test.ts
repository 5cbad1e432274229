import { defaultAlertRules } from '../../policy';
import { consentRecordedAndUsed, evaluateEntries, outOfHours, ratingRaisedThenFetched, repeatedDenials, unusualVolume, volumeKey } from '../rules';
import { POLICY, ruleOf, Script } from './scripted';

// Tuesday 1 December 2026 (GMT): the hub works 09:00-17:00 Europe/London on weekdays.
const TUE = (time: string) => `2026-12-01T${time}:00Z`;
const SAT = (time: string) => `2026-12-05T${time}:00Z`;

describe('an ordinary day raises no alert under the default rules', () => {
  it('referral rated AMBER by triage, confirmed by another, fetched by them in hours; RED rated by a manager and fetched', () => {
    const script = new Script();
    script.rate(TUE('09:05'), 'triage-1', 'case-amber', 'AMBER', null);
    script.fetch(TUE('09:10'), 'triage-2', 'case-amber', { decision: 'DENIED', rule: 'rating-unconfirmed' });
    for (const agency of ['police', 'social-care', 'health', 'education']) script.fetch(TUE('09:40'), 'triage-2', 'case-amber', { agency, requestId: 'r1' });
    script.rate(TUE('10:00'), 'manager-1', 'case-red', 'RED', null);
    for (const agency of ['police', 'health']) script.fetch(TUE('10:05'), 'manager-1', 'case-red', { agency, requestId: 'r2' });
    expect(evaluateEntries(defaultAlertRules(), script.window())).toEqual([]);
  });
});

describe('RATING_RAISED_THEN_FETCHED', () => {
  const rule = ruleOf('RATING_RAISED_THEN_FETCHED', { windowMinutes: 60 });

  it('fires when the user who raised GREEN to AMBER fetches within the window, once per rating', () => {
    const script = new Script();
    script.rate(TUE('09:00'), 'triage-1', 'c1', 'GREEN', null);
    const raised = script.rate(TUE('10:00'), 'triage-1', 'c1', 'AMBER', 'GREEN');
    const first = script.fetch(TUE('10:20'), 'triage-1', 'c1', { agency: 'police' });
    const second = script.fetch(TUE('10:21'), 'triage-1', 'c1', { agency: 'health' });
    const [alert, ...more] = ratingRaisedThenFetched(rule, script.window());
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ ruleId: rule.id, kind: 'RATING_RAISED_THEN_FETCHED', dedupKey: `${rule.id}:${raised.id}`, userId: 'triage-1', caseId: 'c1', agency: null });
    expect(alert.evidence.map((item) => item.seq)).toEqual([raised.seq, first.seq, second.seq]);
    expect(alert.summary).toMatch(/re-rated case c1 from GREEN to AMBER .* 2 time\(s\) \(police, health\) within 21 minute/);
  });

  it('fires for AMBER to RED, not for the first rating, a lowering, another user, another case or after the window', () => {
    const script = new Script();
    script.rate(TUE('09:00'), 'u1', 'first', 'RED', null);
    script.fetch(TUE('09:01'), 'u1', 'first');
    script.rate(TUE('09:00'), 'u1', 'lowered', 'AMBER', 'RED');
    script.fetch(TUE('09:01'), 'u1', 'lowered');
    script.rate(TUE('09:00'), 'u1', 'other-user', 'AMBER', 'GREEN');
    script.fetch(TUE('09:01'), 'u2', 'other-user');
    script.rate(TUE('09:00'), 'u1', 'other-case', 'AMBER', 'GREEN');
    script.fetch(TUE('09:01'), 'u1', 'elsewhere');
    script.rate(TUE('09:00'), 'u1', 'late', 'AMBER', 'GREEN');
    script.fetch(TUE('10:01'), 'u1', 'late');
    script.rate(TUE('09:00'), 'u1', 'denied', 'AMBER', 'GREEN');
    script.fetch(TUE('09:01'), 'u1', 'denied', { decision: 'DENIED', rule: 'rating-unconfirmed' });
    script.rate(TUE('09:00'), 'u1', 'up', 'RED', 'AMBER');
    script.fetch(TUE('09:59'), 'u1', 'up');
    expect(ratingRaisedThenFetched(rule, script.window()).map((alert) => alert.caseId)).toEqual(['up']);
  });

  it('only counts a rise into a rating that opens sharing (the policy says which)', () => {
    const script = new Script();
    script.rate(TUE('09:00'), 'u1', 'c1', 'AMBER', 'GREEN');
    script.fetch(TUE('09:01'), 'u1', 'c1');
    const window = script.window();
    expect(ratingRaisedThenFetched(rule, { ...window, opensSharing: ['RED'] })).toEqual([]);
    expect(ratingRaisedThenFetched(rule, window)).toHaveLength(1);
    expect(ratingRaisedThenFetched({ ...rule, windowMinutes: 0.5 }, window)).toEqual([]);
  });

  it('is raised by the scan that sees the fetch, not again by a later scan with the pair in its look-back', () => {
    const script = new Script();
    script.rate(TUE('09:00'), 'u1', 'c1', 'AMBER', 'GREEN');
    script.fetch(TUE('09:01'), 'u1', 'c1');
    const afterFirstScan = script.position;
    expect(ratingRaisedThenFetched(rule, script.window(afterFirstScan))).toEqual([]);
    // The rating was seen by an earlier scan; the fetch is new: raised now.
    const script2 = new Script();
    script2.rate(TUE('09:00'), 'u1', 'c1', 'AMBER', 'GREEN');
    const rated = script2.position;
    script2.fetch(TUE('09:30'), 'u1', 'c1');
    expect(ratingRaisedThenFetched(rule, script2.window(rated))).toHaveLength(1);
  });
});

describe('CONSENT_RECORDED_AND_USED', () => {
  const rule = ruleOf('CONSENT_RECORDED_AND_USED', { windowMinutes: 15 });

  it('fires when the user who recorded consent fetches within minutes, and not for a refusal or after the window', () => {
    const script = new Script();
    const given = script.consent(TUE('11:00'), 'u1', 'given', 'GIVEN', true);
    const fetched = script.fetch(TUE('11:05'), 'u1', 'given');
    script.consent(TUE('11:00'), 'u1', 'refused', 'REFUSED', false);
    script.fetch(TUE('11:05'), 'u1', 'refused');
    script.consent(TUE('11:00'), 'u1', 'late', 'GIVEN', true);
    script.fetch(TUE('11:16'), 'u1', 'late');
    script.consent(TUE('11:00'), 'u1', 'colleague', 'GIVEN', false);
    script.fetch(TUE('11:01'), 'u2', 'colleague');
    const alerts = consentRecordedAndUsed(rule, script.window());
    expect(alerts.map((alert) => [alert.caseId, alert.evidence.map((item) => item.id)])).toEqual([['given', [given.id, fetched.id]]]);
    expect(alerts[0].summary).toMatch(/recorded consent GIVEN with early-help sharing on case given/);
    expect(consentRecordedAndUsed({ ...rule, windowMinutes: 20 }, script.window()).map((alert) => alert.caseId)).toEqual(['given', 'late']);
  });
});

describe('REPEATED_DENIALS', () => {
  const rule = ruleOf('REPEATED_DENIALS', { count: 5, windowMinutes: 60 });
  const deny = (script: Script, minute: number, user = 'u1', requestId?: string) =>
    script.fetch(TUE(`10:${String(minute).padStart(2, '0')}`), user, `case-${minute}`, { decision: 'DENIED', requestId });

  it('fires once when the fifth refused request within the hour arrives, not on the fourth nor the sixth', () => {
    const script = new Script();
    for (const minute of [0, 5, 10, 15]) deny(script, minute);
    expect(repeatedDenials(rule, script.window())).toEqual([]);
    const fifth = deny(script, 20);
    deny(script, 25);
    const alerts = repeatedDenials(rule, script.window());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ dedupKey: `${rule.id}:u1:${fifth.id}`, userId: 'u1', caseId: null, from: new Date(TUE('10:00')), to: new Date(TUE('10:20')) });
    expect(alerts[0].evidence).toHaveLength(5);
  });

  it('counts a request refused by four agencies once, and ignores the system failing', () => {
    const script = new Script();
    for (const agency of ['police', 'social-care', 'health', 'education']) script.fetch(TUE('10:00'), 'u1', 'c1', { decision: 'DENIED', agency, requestId: 'one' });
    for (const minute of [1, 2, 3]) script.fetch(TUE(`10:0${minute}`), 'u1', 'c1', { decision: 'DENIED', rule: 'audit-unavailable' });
    expect(repeatedDenials({ ...rule, count: 2 }, script.window())).toEqual([]);
    deny(script, 10);
    expect(repeatedDenials({ ...rule, count: 2 }, script.window())[0].evidence).toHaveLength(5);
  });

  it('takes its threshold from the policy: three refusals are a pattern at count 3, not at 5', () => {
    const script = new Script();
    for (const minute of [0, 10, 20]) deny(script, minute);
    expect(repeatedDenials(rule, script.window())).toEqual([]);
    expect(repeatedDenials({ ...rule, count: 3 }, script.window())).toHaveLength(1);
    expect(repeatedDenials({ ...rule, count: 3, windowMinutes: 15 }, script.window())).toEqual([]);
  });

  it('raises a new alert for a new run after a quiet window, per user, and only for new requests', () => {
    const script = new Script();
    for (const minute of [0, 1, 2]) deny(script, minute);
    for (const minute of [3, 4, 5]) deny(script, minute, 'u2');
    const seen = script.position;
    for (const hour of ['12:00', '12:01', '12:02']) script.fetch(TUE(hour), 'u1', 'cx', { decision: 'DENIED' });
    const count3 = { ...rule, count: 3 };
    expect(repeatedDenials(count3, script.window()).map((alert) => alert.userId)).toEqual(['u1', 'u1', 'u2']);
    expect(repeatedDenials(count3, script.window(seen)).map((alert) => [alert.userId, alert.from.toISOString()])).toEqual([['u1', TUE('12:00').replace(':00Z', ':00.000Z')]]);
  });
});

describe('UNUSUAL_VOLUME', () => {
  const rule = ruleOf('UNUSUAL_VOLUME', { baselineDays: 28, factor: 3, minimum: 30 });
  const day = (script: Script, count: number, user = 'u1') => {
    for (let i = 0; i < count; i += 1) script.fetch(TUE(`10:${String(i % 60).padStart(2, '0')}`), user, `c${i}`);
  };

  it('fires above the minimum for a user with little history, once per day, from the fetch that crossed it', () => {
    const script = new Script();
    day(script, 30);
    script.baselines.set(volumeKey(rule.id, 'u1', '2026-12-01'), 56); // a mean of 2 a day
    expect(unusualVolume(rule, script.window())).toEqual([]);
    day(script, 1);
    const [alert, ...more] = unusualVolume(rule, script.window());
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ dedupKey: `${rule.id}:u1:2026-12-01`, userId: 'u1' });
    expect(alert.summary).toMatch(/31 allowed agency fetch\(es\) on 2026-12-01 .*above 30 .*mean of 2 a day over the previous 28 day/);
    expect(alert.summary).toContain(`seq ${script.entries[30].seq}`);
  });

  it('compares with the user\'s own mean: 31 is usual for someone who fetches 20 a day, 61 is not', () => {
    const script = new Script();
    script.baselines.set(volumeKey(rule.id, 'u1', '2026-12-01'), 560);
    day(script, 31);
    expect(unusualVolume(rule, script.window())).toEqual([]);
    day(script, 30);
    expect(unusualVolume(rule, script.window())).toHaveLength(1);
    expect(unusualVolume({ ...rule, factor: 4 }, script.window())).toEqual([]);
  });

  it('counts days in the hub\'s time zone (a BST evening is the next day in UTC)', () => {
    const script = new Script();
    for (let i = 0; i < 31; i += 1) script.fetch('2026-06-10T23:30:00Z', 'u1', 'c'); // 00:30 on 11 June in London
    expect(unusualVolume(rule, script.window())[0].dedupKey).toBe(`${rule.id}:u1:2026-06-11`);
  });
});

describe('OUT_OF_HOURS', () => {
  const rule = ruleOf('OUT_OF_HOURS', { exceptRag: ['RED'] });

  it('fires for an AMBER case fetched on a Saturday, once per user per day; not in hours, not for RED', () => {
    const script = new Script();
    script.rated('amber', 'AMBER', TUE('09:00'));
    script.rated('red', 'RED', TUE('09:00'));
    script.fetch(TUE('10:00'), 'u1', 'amber');
    script.fetch(SAT('02:00'), 'u1', 'red');
    const first = script.fetch(SAT('02:10'), 'u1', 'amber');
    const second = script.fetch(SAT('03:10'), 'u1', 'amber', { agency: 'health' });
    const alerts = outOfHours(rule, script.window());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ dedupKey: `${rule.id}:u1:2026-12-05`, caseId: 'amber', from: new Date(SAT('02:10')), to: new Date(SAT('03:10')) });
    expect(alerts[0].evidence.map((item) => item.id)).toEqual([first.id, second.id]);
    expect(outOfHours({ ...rule, exceptRag: [] }, script.window())[0].evidence).toHaveLength(3);
  });

  it('reads the working calendar: a weekday evening, a bank holiday and 08:30 in BST are out of hours', () => {
    const script = new Script();
    script.rated('c', 'AMBER', '2026-01-01T00:00:00Z');
    script.fetch(TUE('17:30'), 'u1', 'c'); // Tuesday evening
    script.fetch('2026-12-25T11:00:00Z', 'u2', 'c'); // Christmas Day
    script.fetch('2026-06-10T07:30:00Z', 'u3', 'c'); // 08:30 BST
    script.fetch('2026-06-10T08:30:00Z', 'u4', 'c'); // 09:30 BST: in hours
    expect(outOfHours(rule, script.window()).map((alert) => alert.userId)).toEqual(['u1', 'u2', 'u3']);
  });

  it('uses the rating the case had when it was fetched, and ignores fetches for no rated case', () => {
    const script = new Script();
    script.rated('c', 'AMBER', SAT('01:00'));
    script.rated('c', 'RED', SAT('02:00'));
    script.fetch(SAT('01:30'), 'u1', 'c');
    script.fetch(SAT('02:30'), 'u2', 'c');
    script.fetch(SAT('02:30'), 'u3', 'not-a-case');
    expect(outOfHours(rule, script.window()).map((alert) => alert.userId)).toEqual(['u1']);
  });

  it('follows a policy calendar that works weekends', () => {
    const script = new Script();
    script.rated('c', 'AMBER', TUE('09:00'));
    script.fetch(SAT('10:00'), 'u1', 'c');
    const weekends = { ...POLICY, workingCalendar: { ...POLICY.workingCalendar, workingDays: [...POLICY.workingCalendar.workingDays, 'SATURDAY' as const] } };
    expect(outOfHours(rule, script.window(0n))).toHaveLength(1);
    expect(outOfHours(rule, script.window(0n, weekends))).toEqual([]);
  });
});
