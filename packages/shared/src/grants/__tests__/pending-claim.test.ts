import type { GrantClaims } from '../../grant-claims';
import { GrantReplayedError, isGrantReuse, PendingClaim, type GrantUseRow } from '../pending-claim';
import type { GrantReplayCache } from '../replay-cache';

const grant = (grantId = 'grant-1'): GrantClaims => ({
  grantId, agency: 'police', caseId: 'case-1', subjectIds: ['s-1'], purpose: 'MASH_TRIAGE', policyVersion: 'test', userId: 'user-1', obligations: [],
  expiresAt: new Date('2026-12-02T10:00:00Z'),
});
const reuse = () => Object.assign(new Error('duplicate key value violates unique constraint "grant_use_pkey"'), { code: '23505', constraint: 'grant_use_pkey' });
const down = () => Object.assign(new Error('Connection terminated'), { code: '57P01' });

/** A replay cache that answers `answers` in turn and counts what it was asked. */
function cache(...answers: (boolean | Error)[]): GrantReplayCache & { claims: number; told: number } {
  const state = { claims: 0, told: 0 };
  return Object.assign(state, {
    async claim() {
      const answer = answers[state.claims++];
      if (answer instanceof Error) throw answer;
      return answer ?? true;
    },
    claimedWithDisclosure() {
      state.told += 1;
    },
  });
}

describe('PendingClaim: a grant used up by its first disclosure write, or before the answer leaves', () => {
  it('gives the first write the grant_use row and the writes after it none; settle needs no statement of its own', async () => {
    const replay = cache();
    const claim = new PendingClaim(grant(), replay, () => Date.parse('2026-12-02T09:55:00Z'));
    const given: (GrantUseRow | null)[] = [];
    await claim.withDisclosure(async (row) => void given.push(row));
    await claim.withDisclosure(async (row) => void given.push(row));
    // Kept for the grant's exp plus the longest grant life (MAX_GRANT_TTL_SECONDS).
    expect(given[0]?.grant_id).toBe('grant-1');
    expect(Date.parse(given[0]!.expires_at)).toBeGreaterThan(Date.parse('2026-12-02T10:00:00Z'));
    expect(given[1]).toBeNull();
    await expect(claim.settle()).resolves.toBe(true);
    expect(replay.claims).toBe(0);
    expect(replay.told).toBe(1);
  });

  it('turns the database refusing a second use into GrantReplayedError; settle then says replayed', async () => {
    const claim = new PendingClaim(grant(), cache());
    await expect(claim.withDisclosure(async () => Promise.reject(reuse()))).rejects.toBeInstanceOf(GrantReplayedError);
    let wrote = false;
    await expect(claim.withDisclosure(async () => void (wrote = true))).rejects.toBeInstanceOf(GrantReplayedError);
    expect(wrote).toBe(false);
    await expect(claim.settle()).resolves.toBe(false);
  });

  it('claims again after a write that failed for another reason: the claim was not recorded', async () => {
    const claim = new PendingClaim(grant(), cache());
    const given: (GrantUseRow | null)[] = [];
    await expect(claim.withDisclosure(async () => Promise.reject(down()))).rejects.toMatchObject({ code: '57P01' });
    await claim.withDisclosure(async (row) => void given.push(row));
    expect(given[0]?.grant_id).toBe('grant-1');
  });

  it('makes a second write wait for the first and go without the row once it is claimed', async () => {
    const claim = new PendingClaim(grant(), cache());
    let finish!: () => void;
    const given: (GrantUseRow | null)[] = [];
    const first = claim.withDisclosure((row) => new Promise<void>((resolve) => {
      given.push(row);
      finish = resolve;
    }));
    const second = claim.withDisclosure(async (row) => void given.push(row));
    await new Promise((resolve) => setImmediate(resolve));
    expect(given).toHaveLength(1);
    finish();
    await Promise.all([first, second]);
    expect(given.map((row) => row?.grant_id ?? null)).toEqual(['grant-1', null]);
  });

  it('claims through the replay cache when nothing was disclosed: first use, used before, not recordable', async () => {
    const fresh = cache(true);
    await expect(new PendingClaim(grant(), fresh).settle()).resolves.toBe(true);
    expect(fresh.claims).toBe(1);
    await expect(new PendingClaim(grant(), cache(false)).settle()).resolves.toBe(false);
    const failing = new PendingClaim(grant(), cache(down(), true));
    await expect(failing.settle()).rejects.toMatchObject({ code: '57P01' });
    await expect(failing.settle()).resolves.toBe(true);
  });

  it('recognises only the grant_use primary key as a reuse', () => {
    expect(isGrantReuse(reuse())).toBe(true);
    expect(isGrantReuse({ code: '23505', constraint: 'disclosure_log_hash_key' })).toBe(false);
    expect(isGrantReuse(down())).toBe(false);
    expect(isGrantReuse(null)).toBe(false);
  });
});
