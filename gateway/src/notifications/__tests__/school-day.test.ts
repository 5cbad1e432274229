import { nextSchoolDayStart, schoolCalendar } from '../school-day';

const due = (iso: string, bankHolidays: 'england-and-wales' | 'none' = 'england-and-wales') =>
  nextSchoolDayStart(new Date(iso), schoolCalendar({ bankHolidays })).toISOString();

describe('the start of the next school day (Operation Encompass, 08:30 Europe/London)', () => {
  it('is the next morning for an afternoon screening on a school day (GMT in winter)', () => {
    expect(due('2026-12-01T14:00:00Z')).toBe('2026-12-02T08:30:00.000Z');
  });

  it('is the same morning for a screening before 08:30 on a school day', () => {
    expect(due('2026-12-02T07:10:00Z')).toBe('2026-12-02T08:30:00.000Z');
    expect(due('2026-12-02T08:30:00Z')).toBe('2026-12-03T08:30:00.000Z');
  });

  it('skips the weekend: Friday afternoon is due on Monday', () => {
    expect(due('2026-12-04T16:00:00Z')).toBe('2026-12-07T08:30:00.000Z');
    expect(due('2026-12-05T11:00:00Z')).toBe('2026-12-07T08:30:00.000Z');
  });

  it('is 07:30 UTC in British Summer Time', () => {
    expect(due('2026-06-10T12:00:00Z')).toBe('2026-06-11T07:30:00.000Z');
  });

  it('skips bank holidays from the hub calendar (Spring bank holiday, Christmas with its substitute day)', () => {
    // Friday 22 May 2026; Monday 25 May is the Spring bank holiday.
    expect(due('2026-05-22T13:00:00Z')).toBe('2026-05-26T07:30:00.000Z');
    // Christmas Eve 2026 (Thursday): Friday 25th, the weekend and Monday 28th (Boxing Day substitute) are not school days.
    expect(due('2026-12-24T12:00:00Z')).toBe('2026-12-29T08:30:00.000Z');
  });

  it('counts a bank holiday as a school day when the calendar names none', () => {
    expect(due('2026-05-22T13:00:00Z', 'none')).toBe('2026-05-25T07:30:00.000Z');
  });

  it('turns on the London date, not the UTC one, around midnight in summer', () => {
    // 23:30 UTC on Sunday 14 June is 00:30 on Monday in London: Monday 08:30 is still ahead.
    expect(due('2026-06-14T23:30:00Z')).toBe('2026-06-15T07:30:00.000Z');
  });
});
