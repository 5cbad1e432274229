import { canonicalJson, sha256Hex } from '@mash/shared';
import { AuditDecision, AuditKind } from '../audit-entry.entity';
import { GENESIS_HASH, entryHash, linkEntries, prepareEntry, type AuditEntryInput } from '../chain';

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

  it('refuses an unknown kind or decision, and lists that are not strings', () => {
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

describe('linkEntries', () => {
  it('links each entry to the hash of the one before, starting from the head', () => {
    const [a, b, c] = linkEntries(GENESIS_HASH, [prepareEntry(input), prepareEntry(input), prepareEntry(input)]);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(c.prevHash).toBe(b.hash);
    for (const linked of [a, b, c]) expect(entryHash(linked)).toBe(linked.hash);
  });

  it('gives a different chain after a different head', () => {
    const entries = [prepareEntry(input)];
    expect(linkEntries(GENESIS_HASH, entries)[0].hash).not.toBe(linkEntries('a'.repeat(64), entries)[0].hash);
  });
});
