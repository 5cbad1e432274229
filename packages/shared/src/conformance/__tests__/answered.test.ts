import type { AgencyResponse } from '../client';
import { answered, CheckFailure } from '../checks/context';

const answer = (cacheControl: string | null, status = 200): AgencyResponse => ({
  status,
  text: '{"data":{}}',
  body: { data: {} },
  cacheControl,
});

describe('an answered agency request', () => {
  it('is accepted when it tells caches not to store it', () => {
    expect(answered(answer('no-store'))).toEqual({ data: {} });
    expect(answered(answer('private, no-store'))).toEqual({ data: {} });
  });

  it('fails the check when a cache could keep it', () => {
    for (const header of [null, 'max-age=60, public', 'no-cache', 'no-stored']) {
      expect(() => answered(answer(header))).toThrow(CheckFailure);
    }
    expect(() => answered(answer(null))).toThrow('HTTP 200 with Cache-Control null, not no-store');
  });

  it('fails on anything but HTTP 200 first', () => {
    expect(() => answered(answer('no-store', 401))).toThrow('HTTP 401');
  });
});
