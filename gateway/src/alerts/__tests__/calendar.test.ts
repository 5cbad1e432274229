import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../policy';
import { isWorkingTime as byLuxon } from '../../hub/clock/working-calendar';
import { isWorkingTime, localDay } from '../rules/calendar';

// The per-day rules' calendar answers from cached day bounds; these hold it to luxon's answer,
// minute by minute, across both clock changes of 2026 and the days around them.
const london: WorkingCalendar = { timeZone: 'Europe/London', workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], dayStarts: '01:30', dayEnds: '17:00', bankHolidays: 'england-and-wales', closedDays: ['2026-10-26'] };
const newYork: WorkingCalendar = { timeZone: 'America/New_York', workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], dayStarts: '09:00', dayEnds: '17:30', bankHolidays: 'none', closedDays: [] };

/** Every `stepMinutes` from `from` for `hours`, plus the odd millisecond either side of each. */
function instants(from: string, hours: number, stepMinutes: number): Date[] {
  const start = Date.parse(from);
  const out: Date[] = [];
  for (let minute = 0; minute < hours * 60; minute += stepMinutes) {
    const at = start + minute * 60_000;
    out.push(new Date(at), new Date(at - 1), new Date(at + 59_999));
  }
  return out;
}

test.each([
  ['London, spring forward (29 March)', london, '2026-03-27T00:00:00Z'],
  ['London, fall back (25 October) and a closed day', london, '2026-10-23T00:00:00Z'],
  ['New York, both changes', newYork, '2026-03-06T00:00:00Z'],
  ['New York, fall back', newYork, '2026-10-30T00:00:00Z'],
])('%s: the same day and working time as luxon, minute by minute', (_name, calendar, from) => {
  for (const at of instants(from, 5 * 24, 7)) {
    expect([at.toISOString(), localDay(at, calendar)]).toEqual([at.toISOString(), DateTime.fromJSDate(at, { zone: calendar.timeZone }).toISODate()]);
    expect([at.toISOString(), isWorkingTime(at, calendar)]).toEqual([at.toISOString(), byLuxon(at, calendar)]);
  }
});

test('answers out of order (a scan reads entries of several days, back and forth) stay right', () => {
  const days = ['2026-01-05T10:00:00Z', '2026-06-01T23:30:00Z', '2026-01-05T23:59:59.999Z', '2026-06-02T00:00:00Z', '2025-12-31T23:00:00Z'];
  for (let round = 0; round < 3; round += 1) {
    for (const iso of days) {
      const at = new Date(iso);
      expect(localDay(at, london)).toBe(DateTime.fromJSDate(at, { zone: 'Europe/London' }).toISODate());
      expect(isWorkingTime(at, newYork)).toBe(byLuxon(at, newYork));
    }
  }
});
