import { checkDateOfBirth } from '../date-of-birth';

const TODAY = new Date('2026-06-15T10:00:00Z');
const DAY_MS = 86_400_000;
const isoDaysFrom = (days: number) => new Date(TODAY.getTime() + days * DAY_MS).toISOString().slice(0, 10);

describe('checkDateOfBirth', () => {
  it.each(['2014-02-03', '1900-01-01', '2026-06-15', '2024-02-29'])('%p is a date of birth', (value) => {
    expect(checkDateOfBirth(value, { today: TODAY })).toEqual({ ok: true });
  });

  it.each([
    ['03/02/2014', '"03/02/2014" is not a date in the form YYYY-MM-DD'],
    ['2014-2-3', '"2014-2-3" is not a date in the form YYYY-MM-DD'],
    ['2023-02-29', '"2023-02-29" is not a date in the form YYYY-MM-DD'],
    ['2014-13-01', '"2014-13-01" is not a date in the form YYYY-MM-DD'],
    ['not a date at all, really', '"not a date at all, r" is not a date in the form YYYY-MM-DD'],
    ['2026-06-16', 'date of birth is in the future (record an unborn child with the expected date in the concern)'],
    ['1899-12-31', 'date of birth is before 1900'],
  ])('%p is refused with the reason the API gives', (value, reason) => {
    expect(checkDateOfBirth(value, { today: TODAY })).toEqual({ ok: false, reason });
  });

  it('takes an UNBORN subject\'s expected date of delivery up to ten months ahead and a month past', () => {
    expect(checkDateOfBirth(isoDaysFrom(200), { today: TODAY, unborn: true })).toEqual({ ok: true });
    expect(checkDateOfBirth(isoDaysFrom(-20), { today: TODAY, unborn: true })).toEqual({ ok: true });
    expect(checkDateOfBirth(isoDaysFrom(320), { today: TODAY, unborn: true })).toEqual({ ok: false, reason: 'the expected date of delivery is more than ten months ahead' });
    expect(checkDateOfBirth(isoDaysFrom(-40), { today: TODAY, unborn: true })).toMatchObject({ ok: false, reason: expect.stringContaining('more than a month past') });
    // The future is refused for anyone born already.
    expect(checkDateOfBirth(isoDaysFrom(200), { today: TODAY })).toMatchObject({ ok: false });
  });

  it('checks against now when no day is given', () => {
    expect(checkDateOfBirth('2999-01-01')).toMatchObject({ ok: false, reason: expect.stringContaining('in the future') });
    expect(checkDateOfBirth('2000-01-01')).toEqual({ ok: true });
  });
});
