import { DEFAULT_POLICY, defaultAlertRules, validatePolicy, type AlertRule } from '../../policy';
import { alertRuleErrors, lookbackStart, unissuedGrants, urgentUnreviewed, type Disclosure, type UrgentReview } from '../rules';
import { ruleOf } from './scripted';

describe('URGENT_RATING_UNREVIEWED', () => {
  const rule = ruleOf('URGENT_RATING_UNREVIEWED', { afterHours: 2 });
  const review = (id: string, status: string, closedAt: string | null): UrgentReview => ({
    id, caseId: `case-${id}`, ratingId: `rating-${id}`, rag: 'RED', ratedBy: 'triage-1', openedAt: new Date('2026-12-01T10:00:00Z'),
    status, closedBy: closedAt ? 'manager-1' : null, closedAt: closedAt ? new Date(closedAt) : null, entries: [],
  });
  const reviews = [review('open', 'OPEN', null), review('in-time', 'CONFIRMED', '2026-12-01T11:00:00Z'), review('late', 'OVERTURNED', '2026-12-01T12:10:00Z')];

  it('fires for a review still open after afterHours and one closed late; not for one closed in time', () => {
    const alerts = urgentUnreviewed(rule, reviews, new Date('2026-12-01T12:30:00Z'));
    expect(alerts.map((alert) => [alert.dedupKey, alert.userId, alert.caseId])).toEqual([
      [`${rule.id}:open`, 'triage-1', 'case-open'],
      [`${rule.id}:late`, 'triage-1', 'case-late'],
    ]);
    expect(alerts[0].summary).toMatch(/has had no manager's review for 2.5 hour\(s\); the policy allows 2 hour/);
    expect(alerts[1].summary).toMatch(/was overturned by manager-1 only after 2.2 hour/);
  });

  it('waits until the time allowed has passed, which the policy sets', () => {
    expect(urgentUnreviewed(rule, reviews, new Date('2026-12-01T11:59:00Z'))).toEqual([]);
    expect(urgentUnreviewed({ ...rule, afterHours: 4 }, reviews, new Date('2026-12-01T12:30:00Z'))).toEqual([]);
  });
});

describe('UNISSUED_GRANT', () => {
  const rule = ruleOf('UNISSUED_GRANT');
  const row = (seq: number, grantId: string | null, subjectId = 's1'): Disclosure => ({
    seq: String(seq), id: `d${seq}`, disclosedAt: new Date(`2026-12-01T10:0${seq}:00Z`), grantId, caseId: 'case-1', userId: 'triage-9', subjectId,
  });

  it('raises one alert per grant the hub never issued to the agency, and one per disclosure naming none', () => {
    const rows = [row(1, 'issued'), row(2, 'forged', 's1'), row(3, 'forged', 's2'), row(4, null)];
    const alerts = unissuedGrants(rule, 'police', rows, new Set(['issued']));
    expect(alerts.map((alert) => [alert.dedupKey, alert.evidence.map((item) => `${item.log}:${item.agency}:${item.seq}`)])).toEqual([
      [`${rule.id}:police:grant:forged`, ['DISCLOSURE_LOG:police:2', 'DISCLOSURE_LOG:police:3']],
      [`${rule.id}:police:disclosure:d4`, ['DISCLOSURE_LOG:police:4']],
    ]);
    expect(alerts[0]).toMatchObject({ userId: 'triage-9', caseId: 'case-1', agency: 'police' });
    expect(alerts[0].summary).toMatch(/police logged 2 disclosure\(s\) about 2 subject\(s\) under grant forged, which the hub never issued to police/);
    expect(unissuedGrants(rule, 'police', rows.slice(0, 1), new Set(['issued']))).toEqual([]);
  });
});

describe('alert rule validation (alertRuleErrors, for validatePolicy)', () => {
  it('accepts the default rules', () => {
    expect(alertRuleErrors({ rules: defaultAlertRules() })).toEqual([]);
    expect(alertRuleErrors(undefined)).toEqual([]);
  });

  it('is part of validatePolicy: a version whose REPEATED_DENIALS rule has no count is refused', () => {
    const policy = structuredClone(DEFAULT_POLICY);
    const index = policy.alerts!.rules.findIndex((rule) => rule.kind === 'REPEATED_DENIALS');
    delete policy.alerts!.rules[index].count;
    expect(validatePolicy(policy)).toEqual({ ok: false, errors: [`/alerts/rules/${index}/count is required for a REPEATED_DENIALS rule`] });
  });

  it('names a missing threshold, one the kind does not use, a repeated id and a window too long to scan', () => {
    const rules: AlertRule[] = [
      { ...ruleOf('REPEATED_DENIALS'), count: undefined },
      { ...ruleOf('OUT_OF_HOURS'), count: 3 },
      { ...ruleOf('UNUSUAL_VOLUME'), id: 'repeated-denials' },
      { ...ruleOf('CONSENT_RECORDED_AND_USED'), windowMinutes: 10_000 },
    ];
    expect(alertRuleErrors({ rules })).toEqual([
      '/alerts/rules/0/count is required for a REPEATED_DENIALS rule',
      '/alerts/rules/1/count is not used by a OUT_OF_HOURS rule; it takes exceptRag',
      '/alerts/rules/2/id "repeated-denials" is already used by /alerts/rules/0; alert rule ids must be unique',
      '/alerts/rules/3/windowMinutes 10000 is longer than 1440 (a day): the alert scan reads that much of the log every time',
    ]);
  });
});

describe('how far back a scan reads', () => {
  it('is the longest window before the earliest new entry, or the start of its day for the per-day rules', () => {
    const earliest = new Date('2026-12-01T12:00:00Z');
    const midnight = new Date('2026-12-01T00:00:00Z');
    const windows = defaultAlertRules().filter((rule) => rule.windowMinutes !== undefined);
    expect(lookbackStart(windows, earliest, midnight)).toEqual(new Date('2026-12-01T11:00:00Z'));
    expect(lookbackStart(defaultAlertRules(), earliest, midnight)).toEqual(midnight);
    expect(lookbackStart([], earliest, midnight)).toEqual(earliest);
  });
});
