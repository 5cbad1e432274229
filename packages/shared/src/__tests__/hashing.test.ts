import { canonicalHash, canonicalJson, sha256Hex } from '../hashing';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('does not depend on the order keys were inserted in', () => {
    const one = { id: 'e1', kind: 'AGENCY_FETCH', fields: ['police', 'health'] };
    const two = { fields: ['police', 'health'], kind: 'AGENCY_FETCH', id: 'e1' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalHash(one)).toBe(canonicalHash(two));
  });

  it('keeps array order, because order carries meaning', () => {
    expect(canonicalJson(['b', 'a'])).not.toBe(canonicalJson(['a', 'b']));
  });

  it('sorts keys by UTF-16 code units as RFC 8785 does', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, '1': 4 })).toBe('{"1":4,"B":2,"b":1,"é":3}');
  });

  it('writes Dates as ISO strings with milliseconds', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)) })).toBe('{"at":"2025-01-02T03:04:05.006Z"}');
  });

  it('drops undefined properties and writes undefined array elements as null', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson('a"b\\c\n\u0001')).toBe('"a\\"b\\\\c\\n\\u0001"');
  });

  it('writes numbers in their shortest form, -0 as 0', () => {
    expect(canonicalJson([1.5, 1e21, -0, 100])).toBe('[1.5,1e+21,0,100]');
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a nested NaN', { a: [NaN] }],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['an invalid Date', new Date('nope')],
    ['a Map', new Map()],
    ['a Buffer', Buffer.from('x')],
    ['undefined at the top', undefined],
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses cycles but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });
});

describe('sha256Hex and canonicalHash', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the UTF-8 bytes', () => {
    expect(sha256Hex('é')).toBe(sha256Hex(Buffer.from('é', 'utf8').toString()));
    expect(sha256Hex('é')).not.toBe(sha256Hex('e'));
  });

  it('is the hash of the canonical JSON', () => {
    expect(canonicalHash({ b: 2, a: 1 })).toBe(sha256Hex('{"a":1,"b":2}'));
  });
});
