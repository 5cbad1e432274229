import { addDays, addMonths, isoDate, openOn, withinLast12Months } from '../calendar';

describe('calendar arithmetic on ISO dates', () => {
  it('moves by whole months, clamping the day to the target month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', -12)).toBe('2025-11-15');
    expect(addMonths('2026-11-15T09:30:00Z', 2)).toBe('2027-01-15');
  });

  it('moves by days across months and years, in UTC', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoDate(new Date('2026-06-30T23:59:59.999Z'))).toBe('2026-06-30');
  });

  it('counts the last 12 months up to and including the reference date, not the day a year before', () => {
    expect(withinLast12Months('2026-11-01', '2026-11-01')).toBe(true);
    expect(withinLast12Months('2025-11-02', '2026-11-01')).toBe(true);
    expect(withinLast12Months('2025-11-01', '2026-11-01')).toBe(false);
    expect(withinLast12Months('2026-11-02', '2026-11-01')).toBe(false);
    expect(withinLast12Months(new Date('2026-01-15T10:00:00Z'), '2026-11-01')).toBe(true);
  });

  it('gives each reference date its own window when calls alternate between them (the cut-off is remembered per date)', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(withinLast12Months('2025-03-01', '2026-02-28')).toBe(true);
      expect(withinLast12Months('2025-03-01', '2026-03-01')).toBe(false);
      expect(withinLast12Months('2024-03-01', '2025-02-28')).toBe(true);
      expect(withinLast12Months('2025-02-28', '2026-02-28')).toBe(false);
    }
  });

  it('treats a period as open from its start until the day it ends', () => {
    expect(openOn('2026-01-01', null, '2026-11-01')).toBe(true);
    expect(openOn('2026-01-01', '2026-11-01', '2026-11-01')).toBe(false);
    expect(openOn('2026-11-02', null, '2026-11-01')).toBe(false);
  });
});
