import { inMatchingPass, memoisedInPass } from '../pass-memo';
import { normaliseName } from '../normalise';
import { normalisePostcode } from '../../identifiers/postcode';

describe('memos for one matching pass', () => {
  it('computes each distinct value once inside a pass, and keeps nothing after it', () => {
    let calls = 0;
    const upper = memoisedInPass((raw: string) => {
      calls += 1;
      return raw.toUpperCase();
    });
    inMatchingPass(() => {
      expect([upper('okafor'), upper('okafor'), upper('smith'), upper('okafor')]).toEqual(['OKAFOR', 'OKAFOR', 'SMITH', 'OKAFOR']);
      // A nested pass joins the running one.
      inMatchingPass(() => upper('smith'));
    });
    expect(calls).toBe(2);
    upper('okafor');
    upper('okafor');
    expect(calls).toBe(4);
    inMatchingPass(() => upper('okafor'));
    expect(calls).toBe(5);
  });

  it('drops the memo when the pass throws', () => {
    let calls = 0;
    const id = memoisedInPass((raw: string) => (calls += 1, raw));
    expect(() => inMatchingPass(() => {
      id('a');
      throw new Error('boom');
    })).toThrow('boom');
    inMatchingPass(() => id('a'));
    expect(calls).toBe(2);
  });

  it('normalises names and postcodes the same inside a pass as outside', () => {
    const names = ["Zoë O'Brien-Wiśniewska", 'ŁUKASZ', '  anne--marie ', 'Smith/Patel', ''];
    const postcodes = ['cv34 4rl', 'CV344RL', 'ZZ99 3VZ', 'not a postcode'];
    const outside = [names.map(normaliseName), postcodes.map(normalisePostcode)];
    const inside = inMatchingPass(() => [names.map(normaliseName), postcodes.map(normalisePostcode), names.map(normaliseName)]);
    expect(inside[0]).toEqual(outside[0]);
    expect(inside[1]).toEqual(outside[1]);
    expect(inside[2]).toEqual(outside[0]);
  });
});
