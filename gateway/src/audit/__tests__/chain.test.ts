import { canonicalJson, sha256Hex } from '@mash/shared';
import { AuditDecision, AuditKind } from '../audit-entry.entity';
import { GENESIS_HASH, entryHash, hashTemplate, prepareEntry, type AuditEntryInput } from '../chain';

const input: AuditEntryInput = {
  kind: AuditKind.AGENCY_FETCH,
  decision: AuditDecision.ALLOWED,
  actorId: 'user-1',
  actorRoles: ['mash-triage'],
  caseId: 'case-1',
  subjectIds: ['s-2', 's-1'],
  agency: 'police',
  fields: ['police.status'],
  rule: 'red-amber-triage',
  policyVersion: '3',
  requestId: 'req-1',
};

describe('prepareEntry', () => {
  it('stamps a fresh id and time and fills the defaults', () => {
    const entry = prepareEntry({ kind: AuditKind.POLICY_CHANGE, decision: AuditDecision.RECORDED, actorId: null });
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry.recordedAt).toBeInstanceOf(Date);
    expect(entry).toMatchObject({ actorRoles: [], subjectIds: [], fields: [], caseId: null, grantId: null, reason: null });
    expect(prepareEntry(input).id).not.toBe(prepareEntry(input).id);
  });

  it('refuses an unknown kind or decision, lists that are not strings, and text Postgres cannot store', () => {
    expect(() => prepareEntry({ ...input, reason: 'a\u0000b' })).toThrow(/reason holds a NUL/);
    expect(() => prepareEntry({ ...input, fields: ['\uD800'] })).toThrow(/fields holds a NUL or a lone surrogate/);
    expect(() => prepareEntry({ ...input, reason: 'family 👪' })).not.toThrow();
    expect(() => prepareEntry({ ...input, kind: 'READ' as AuditKind })).toThrow(/kind "READ"/);
    expect(() => prepareEntry({ ...input, decision: 'MAYBE' as AuditDecision })).toThrow(/decision "MAYBE"/);
    expect(() => prepareEntry({ ...input, subjectIds: [1 as unknown as string] })).toThrow(/subjectIds/);
  });

  it('copies the lists, so a caller changing its array later cannot change the entry', () => {
    const roles = ['mash-triage'];
    const entry = prepareEntry({ ...input, actorRoles: roles });
    roles.push('governance');
    expect(entry.actorRoles).toEqual(['mash-triage']);
  });
});

describe('entryHash', () => {
  const entry = { ...prepareEntry(input), prevHash: GENESIS_HASH };

  it('is sha256 of the canonical JSON keyed by column name, time as ISO with ms', () => {
    const expected = sha256Hex(
      canonicalJson({
        prev_hash: entry.prevHash, id: entry.id, recorded_at: entry.recordedAt.toISOString(), kind: entry.kind,
        actor_id: entry.actorId, actor_roles: entry.actorRoles, organisation: null, case_id: entry.caseId,
        subject_ids: entry.subjectIds, agency: entry.agency, fields: entry.fields, decision: entry.decision,
        rule: entry.rule, policy_version: entry.policyVersion, reason: null, grant_id: null, request_id: entry.requestId,
      }),
    );
    expect(entryHash(entry)).toBe(expected);
    expect(entryHash(entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['prevHash', 'f'.repeat(64)],
    ['recordedAt', new Date(0)],
    ['decision', AuditDecision.DENIED],
    ['actorId', 'user-2'],
    ['subjectIds', ['s-1', 's-2']],
    ['fields', ['police.status', 'police.flags']],
    ['reason', 'x'],
    ['grantId', 'g-1'],
    ['organisation', null],
  ])('changes when %s changes', (field, value) => {
    const changed = { ...entry, [field]: value };
    if (field === 'organisation') changed.organisation = 'org-1';
    expect(entryHash(changed)).not.toBe(entryHash(entry));
  });

  it('tells null from an empty string', () => {
    expect(entryHash({ ...entry, reason: '' })).not.toBe(entryHash({ ...entry, reason: null }));
  });
});

describe('hashTemplate', () => {
  const entry = prepareEntry({ ...input, reason: 'quotes " \\ "prev_hash":"x" and ünïcödé 👪\n' });

  it('cut around prev_hash, rebuilds exactly the canonical JSON entryHash hashes', () => {
    const { before, after } = hashTemplate(entry);
    for (const prevHash of [GENESIS_HASH, 'ab'.repeat(32)]) {
      expect(sha256Hex(before + prevHash + after)).toBe(entryHash({ ...entry, prevHash }));
    }
    expect(before.endsWith('"prev_hash":"')).toBe(true);
    expect(after.startsWith('","reason":')).toBe(true);
  });
});

describe('decision facts', () => {
  const facts = {
    purpose: 'MASH_TRIAGE',
    case: { kind: 'REFERRAL' as const, rag: 'AMBER' as const, status: 'OPEN' as const, closedAt: null, consentEarlyHelpSharing: false, ratingState: 'CONFIRMED' },
    released: ['BASIC_IDENTITY'],
  };

  it('are kept as a deep copy of plain JSON, undefined members dropped', () => {
    const given = { ...facts, withheld: undefined, released: [...facts.released] };
    const entry = prepareEntry({ ...input, facts: given });
    given.released.push('POLICE_INTELLIGENCE');
    expect(entry.facts).toEqual(facts);
    expect('withheld' in entry.facts!).toBe(false);
    expect(prepareEntry(input).facts).toBeNull();
  });

  it('refuse what a jsonb column would not hand back as it was given', () => {
    const bad = (value: unknown) => () => prepareEntry({ ...input, facts: { ...facts, extra: value } as never });
    expect(bad(new Date())).toThrow(/facts.extra is not plain JSON \(a Date\)/);
    expect(bad(Number.NaN)).toThrow(/facts.extra is NaN/);
    expect(bad('a\u0000b')).toThrow(/facts.extra holds a NUL/);
    expect(bad(['ok', '\uDC00'])).toThrow(/facts.extra\[1\] holds a NUL or a lone surrogate/);
    expect(bad([undefined])).toThrow(/facts.extra\[0\] is undefined/);
    expect(bad({ toJSON: () => 'x', __proto__: { a: 1 } })).toThrow(/not plain JSON/);
    expect(bad({ ['\uD800']: 1 })).toThrow(/key holding a NUL or a lone surrogate/);
    expect(bad('x'.repeat(70_000))).toThrow(/larger than/);
    expect(() => prepareEntry({ ...input, facts: ['MASH_TRIAGE'] as never })).toThrow(/facts must be a JSON object/);
    expect(bad({ ok: ['👪', -0, 1e21, true, null] })).not.toThrow();
  });

  it('are hashed only when present: an entry without facts hashes as before the column existed', () => {
    const entry = { ...prepareEntry(input), prevHash: GENESIS_HASH };
    const { facts: _none, ...withoutColumn } = entry;
    expect(entryHash(entry)).toBe(entryHash(withoutColumn as typeof entry));
    const withFacts = { ...entry, facts: prepareEntry({ ...input, facts }).facts };
    expect(entryHash(withFacts)).not.toBe(entryHash(entry));
    expect(entryHash({ ...withFacts, facts: { ...facts, released: [] } })).not.toBe(entryHash(withFacts));
  });

  it('hash the same whatever the key order or number spelling jsonb hands back', () => {
    const entry = { ...prepareEntry({ ...input, facts: { ...facts, n: 1.5e3 } as never }), prevHash: GENESIS_HASH };
    const readBack = JSON.parse('{"n": 1500.0, "case": {"rag": "AMBER", "kind": "REFERRAL", "status": "OPEN", "closedAt": null, "ratingState": "CONFIRMED", "consentEarlyHelpSharing": false}, "purpose": "MASH_TRIAGE", "released": ["BASIC_IDENTITY"]}');
    expect(entryHash({ ...entry, facts: readBack })).toBe(entryHash(entry));
  });

  it('cannot move the cut of the template, even with a prev_hash key inside them', () => {
    const entry = prepareEntry({ ...input, facts: { ...facts, nested: { prev_hash: 'prev-hash-goes-here' } } as never });
    const { before, after } = hashTemplate(entry);
    expect(sha256Hex(before + GENESIS_HASH + after)).toBe(entryHash({ ...entry, prevHash: GENESIS_HASH }));
  });
});
