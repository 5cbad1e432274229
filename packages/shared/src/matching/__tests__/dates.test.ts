import { isRealDate, swapDayMonth } from '../dates';

describe('isRealDate', () => {
  it.each([
    ['2024-02-29', true], ['2000-02-29', true], ['1900-02-29', false], ['2023-02-29', false], ['2023-02-28', true],
    ['2015-04-30', true], ['2015-04-31', false], ['2015-12-31', true], ['2015-13-01', false], ['2015-00-10', false], ['2015-06-00', false],
    ['0100-01-01', true], ['0099-12-31', false], ['9999-12-31', true],
  ])('%s is %s', (iso, real) => {
    expect(isRealDate(iso)).toBe(real);
  });

  it.each(['', '2015-2-3', '15-02-03', '2015/02/03', '2015-02-03T00:00', ' 2015-02-03', 'abcd-ef-gh'])('refuses %j (not YYYY-MM-DD)', (text) => {
    expect(isRealDate(text)).toBe(false);
  });
});

describe('swapDayMonth', () => {
  it('exchanges day and month when that is another real date', () => {
    expect(swapDayMonth('1984-07-05')).toBe('1984-05-07');
    expect(swapDayMonth('1984-05-05')).toBeNull();
    expect(swapDayMonth('1984-07-25')).toBeNull();
  });
});
