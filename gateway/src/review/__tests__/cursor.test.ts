import { decodeCursor, encodeCursor } from '../cursor';

const filters = { userId: 'triage-7', caseId: null, agency: 'police' };

describe('access review cursors', () => {
  it('round-trips a seq under the same filters, and is opaque base64url', () => {
    const cursor = encodeCursor('123456789012', filters);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('123456789012');
    expect(decodeCursor(cursor, { ...filters })).toBe('123456789012');
  });

  it('refuses a cursor made for other filters, naming the argument', () => {
    const cursor = encodeCursor('42', filters);
    expect(() => decodeCursor(cursor, { ...filters, agency: 'health' })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }));
    expect(() => decodeCursor(cursor, { ...filters, agency: 'health' })).toThrow(/other filters/);
  });

  it.each([
    ['garbage with spaces', 'not base64url'],
    [Buffer.from('r1:abc:0123456789abcdef').toString('base64url'), 'a seq that is not a number'],
    [Buffer.from('r2:42:0123456789abcdef').toString('base64url'), 'another version'],
    [Buffer.from('r1:99999999999999999999:0123456789abcdef').toString('base64url'), 'a seq beyond bigint'],
    ['', 'empty'],
  ])('refuses %s (%s) as BAD_USER_INPUT on after', (cursor) => {
    expect(() => decodeCursor(cursor, filters)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }));
  });
});
