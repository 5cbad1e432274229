import { reportPeriod } from '../period';

const NOW = new Date('2026-12-01T12:00:00Z');

function badInput(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: { code: string; field: string }; message: string };
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return { field: extensions.field, message };
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('the report period', () => {
  it('is made of Europe/London days: midnight BST in summer, GMT in winter', () => {
    const summer = reportPeriod('2026-06-01', '2026-06-30', NOW);
    expect(summer.start.toISOString()).toBe('2026-05-31T23:00:00.000Z');
    expect(summer.end.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    const winter = reportPeriod('2026-01-01', '2026-01-31', NOW);
    expect(winter.start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(winter.end.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('spans the clocks going back: 25 hours on 25 October 2026', () => {
    const day = reportPeriod('2026-10-25', '2026-10-25', NOW);
    expect((day.end.getTime() - day.start.getTime()) / 3_600_000).toBe(25);
  });

  it('ends at the time of the report when the last day is today', () => {
    expect(reportPeriod('2026-11-01', '2026-12-01', NOW).end).toEqual(NOW);
  });

  it('cuts the period into weeks from its first day, the last one shorter', () => {
    const { weeks } = reportPeriod('2026-06-01', '2026-06-30', NOW);
    expect(weeks.map((week) => week.from)).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
    expect(weeks[4].end.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('refuses bad, impossible, reversed, future and over-long periods, naming the field', () => {
    expect(badInput(() => reportPeriod('1/6/2026', '2026-06-30', NOW)).field).toBe('from');
    expect(badInput(() => reportPeriod('2026-06-01', '2026-02-30', NOW)).field).toBe('to');
    expect(badInput(() => reportPeriod('2026-06-30', '2026-06-01', NOW)).field).toBe('to');
    expect(badInput(() => reportPeriod('2026-12-02', '2026-12-31', NOW)).field).toBe('from');
    expect(badInput(() => reportPeriod('2024-06-01', '2026-06-01', NOW))).toEqual({ field: 'to', message: expect.stringContaining('at most 2 years') });
    expect(reportPeriod('2024-06-02', '2026-06-01', NOW).weeks.length).toBe(105);
  });
});
