import 'reflect-metadata';
import { renderCsv } from '../render/csv';
import { renderHtml } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import { reportTables } from '../render/tables';
import { ReportGroup, type HubReport } from '../report.type';

const GROUPS = Object.values(ReportGroup);
const method = (name: string) => `${name}, counted "as stated", with commas`;

function report(): HubReport {
  const at = new Date('2026-06-30T23:00:00Z');
  return {
    from: '2026-06-01', to: '2026-06-30', timeZone: 'Europe/London', periodStart: new Date('2026-05-31T23:00:00Z'), periodEnd: at, generatedAt: at,
    referrals: { total: 12, rows: [{ pathway: 'CHILDREN' as never, kind: 'REFERRAL', count: 10 }, { pathway: 'ADULTS' as never, kind: 'REFERRAL', count: 2 }], method: method('referrals') },
    ragSplit: { total: 12, rows: GROUPS.map((group, i) => ({ group, count: i, share: i / 12 })), redOrAmberShare: 1 / 12, greenShare: 5 / 12, method: method('split') },
    timeliness: { rows: GROUPS.map((group) => ({ group, received: 3, rated: 3, medianHoursToRating: 0.5, p90HoursToRating: 1, decided: 2, medianHoursToDecision: 1.5, p90HoursToDecision: 1.9, decidedWithinTimescale: 1, withinTimescaleShare: 0.5 })), method: method('timeliness') },
    backlog: { asAt: at, total: 2, rows: GROUPS.map((group) => ({ group, open: group === 'AMBER' ? 2 : 0, awaitingDecision: 0, overdue: 0, oldestDays: null })), method: method('backlog') },
    feedback: { closed: 4, feedbackSent: 3, feedbackWithheld: 1, noFeedback: 0, rate: 1, method: method('feedback') },
    screening: { available: false, waiting: null, medianAgeDays: null, oldestAgeDays: null, olderThan28Days: null, screenedInPeriod: null, method: 'Not available: no queue.' },
    notifications: { available: true, sent: 7, late: 1, undeliveredOverdue: 0, method: method('notifications') },
    triangulation: { picturesViewed: 3, rows: [{ code: 'CHILD_MISSING_EDUCATION', label: 'Children missing education', children: 2 }], method: method('triangulation') },
    weeks: [{ from: '2026-06-01', end: at, groups: GROUPS.map((group) => ({ group, received: 1, decided: 1, decidedWithinTimescale: 1, withinTimescaleShare: 1, openAtEnd: 0 })) }],
    weeksMethod: method('weeks'),
  };
}

describe('the report formats', () => {
  it('prints every table with its method beneath it in Markdown', () => {
    const text = renderMarkdown(report());
    for (const table of reportTables(report())) {
      const at = text.indexOf(`## ${table.title}`);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(`Method: ${table.method}`, at)).toBeGreaterThan(at);
    }
    expect(text).toContain('| RED or AMBER | 1 | 8.3% |');
    expect(text).toContain('| not available |');
  });

  it('gives one figure a line in CSV, quoted as RFC 4180 wants, with its method beside it', () => {
    const lines = renderCsv(report()).trim().split('\r\n');
    expect(lines[0]).toBe('from,to,section,row,measure,value,method');
    expect(lines).toContain('2026-06-01,2026-06-30,Feedback to referrers,,Feedback rate,100.0%,"feedback, counted ""as stated"", with commas"');
    expect(lines).toContain('2026-06-01,2026-06-30,Referrals by pathway and kind,Children\'s / Referral,Received,10,"referrals, counted ""as stated"", with commas"');
  });

  it('makes a page that needs no network: Chart.js inlined, three canvases, the data escaped', () => {
    const hostile = report();
    hostile.triangulation.rows[0].label = '</script><script>alert(1)</script>';
    const html = renderHtml(hostile);
    expect(html).toContain('Chart.js v4.6.1');
    expect(html.match(/<canvas /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
