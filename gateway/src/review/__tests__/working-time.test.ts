import { DEFAULT_POLICY, type WorkingCalendar } from '../../policy';
import { describeCalendar, isWorkingTime, nonWorkingDays } from '../working-time';

const calendar: WorkingCalendar = DEFAULT_POLICY.workingCalendar;

describe('working time for access review (Mon-Fri 09:00-17:00 Europe/London, bank holidays off)', () => {
  it.each([
    ['2026-06-03T07:59:59Z', false, 'Wednesday 08:59:59 BST, before opening'],
    ['2026-06-03T08:00:00Z', true, 'Wednesday 09:00 BST, opening'],
    ['2026-06-03T15:59:59Z', true, 'Wednesday 16:59:59 BST'],
    ['2026-06-03T16:00:00Z', false, 'Wednesday 17:00 BST, closing'],
    ['2026-12-02T09:00:00Z', true, 'Wednesday 09:00 GMT'],
    ['2026-12-02T08:59:00Z', false, 'Wednesday 08:59 GMT'],
    ['2026-06-06T11:00:00Z', false, 'a Saturday'],
    ['2025-12-25T11:00:00Z', false, 'Christmas Day'],
    ['2026-12-28T11:00:00Z', false, 'the Boxing Day substitute (Monday 28 December 2026)'],
  ])('%s is working time: %s (%s)', (at, expected) => {
    expect(isWorkingTime(new Date(at), calendar)).toBe(expected);
  });

  it('lists the non-working local days of a period, both ends included', () => {
    expect(nonWorkingDays(new Date('2025-12-24T00:00:00Z'), new Date('2025-12-29T00:00:00Z'), calendar)).toEqual(['2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28']);
  });

  it('counts a closed day and honours another time zone', () => {
    const other: WorkingCalendar = { ...calendar, timeZone: 'America/New_York', closedDays: ['2026-06-03'] };
    expect(isWorkingTime(new Date('2026-06-03T14:00:00Z'), other)).toBe(false);
    expect(isWorkingTime(new Date('2026-06-04T14:00:00Z'), other)).toBe(true);
    expect(isWorkingTime(new Date('2026-06-04T12:59:00Z'), other)).toBe(false);
  });

  it('describes the calendar in words', () => {
    expect(describeCalendar(calendar)).toBe('Monday, Tuesday, Wednesday, Thursday, Friday 09:00-17:00 Europe/London, less england-and-wales bank holidays');
  });
});
