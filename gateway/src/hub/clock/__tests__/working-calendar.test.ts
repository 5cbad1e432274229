import { DEFAULT_POLICY, type WorkingCalendar } from '../../../policy';
import bankHolidays from '../bank-holidays.json';
import { addWorkingHours, timescaleEnds } from '../working-calendar';

const calendar: WorkingCalendar = DEFAULT_POLICY.workingCalendar;
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('working hours (Mon-Fri 09:00-17:00 Europe/London, England and Wales bank holidays)', () => {
  it('skips the weekend: Friday 16:00 plus one working day is Monday 16:00', () => {
    expect(iso(addWorkingHours(at('2026-11-27T16:00:00Z'), 8, calendar))).toBe('2026-11-30T16:00:00.000Z');
  });

  it('counts from the next opening when received at the weekend or before opening', () => {
    expect(iso(addWorkingHours(at('2026-11-28T11:00:00Z'), 2, calendar))).toBe('2026-11-30T11:00:00.000Z');
    expect(iso(addWorkingHours(at('2026-11-30T07:00:00Z'), 1, calendar))).toBe('2026-11-30T10:00:00.000Z');
  });

  it('ends at closing when the hours run out exactly then, not at the next opening', () => {
    expect(iso(addWorkingHours(at('2026-11-30T09:00:00Z'), 8, calendar))).toBe('2026-11-30T17:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday (and keeps local time across the change to BST)', () => {
    // Thursday 2 April 2026 16:00 BST is 15:00Z; one working day later is Tuesday 7 April 16:00 BST.
    expect(iso(addWorkingHours(at('2026-04-02T15:00:00Z'), 8, calendar))).toBe('2026-04-07T15:00:00.000Z');
    // With no bank holidays the same hours end on Good Friday.
    expect(iso(addWorkingHours(at('2026-04-02T15:00:00Z'), 8, { ...calendar, bankHolidays: 'none' }))).toBe('2026-04-03T15:00:00.000Z');
  });

  it('skips Christmas and the Boxing Day substitute day of 2026', () => {
    expect(iso(addWorkingHours(at('2026-12-24T12:00:00Z'), 8, calendar))).toBe('2026-12-29T12:00:00.000Z');
  });

  it('counts working hours in local time when the clocks go forward over a weekend', () => {
    // Friday 27 March 2026 16:00 GMT; BST from Sunday 29 March: Monday 16:00 BST is 15:00Z.
    expect(iso(addWorkingHours(at('2026-03-27T16:00:00Z'), 8, calendar))).toBe('2026-03-30T15:00:00.000Z');
  });

  it('skips days the policy closes', () => {
    expect(iso(addWorkingHours(at('2026-11-27T16:00:00Z'), 8, { ...calendar, closedDays: ['2026-11-30'] }))).toBe('2026-12-01T16:00:00.000Z');
  });

  it('lets an ELAPSED timescale run through the night and the weekend', () => {
    expect(iso(timescaleEnds(at('2026-11-27T16:00:00Z'), { hours: 2, clock: 'ELAPSED' }, calendar))).toBe('2026-11-27T18:00:00.000Z');
    expect(iso(timescaleEnds(at('2026-11-28T03:00:00Z'), { hours: 2, clock: 'ELAPSED' }, calendar))).toBe('2026-11-28T05:00:00.000Z');
    expect(iso(timescaleEnds(at('2026-11-28T03:00:00Z'), { hours: 2, clock: 'WORKING' }, calendar))).toBe('2026-11-30T11:00:00.000Z');
  });
});

describe('the bank holiday data file', () => {
  it('names its source, division and when it was taken, and has the eight England and Wales bank holidays each year it covers', () => {
    expect(bankHolidays).toMatchObject({ source: 'https://www.gov.uk/bank-holidays.json', division: 'england-and-wales', takenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    for (const year of bankHolidays.coversYears) {
      expect(bankHolidays.events.filter((event) => event.date.startsWith(`${year}-`))).toHaveLength(8);
    }
  });

  it('holds only weekdays (a holiday at a weekend moves to its substitute day)', () => {
    const weekend = bankHolidays.events.filter((event) => [0, 6].includes(new Date(`${event.date}T12:00:00Z`).getUTCDay()));
    expect(weekend).toEqual([]);
  });
});
