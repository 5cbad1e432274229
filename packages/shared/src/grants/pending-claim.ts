import type { GrantClaims } from '../grant-claims';
import { keepGrantIdUntil, type GrantReplayCache } from './replay-cache';

/** The row that marks a grant used (`grant_use`), written in the same transaction as its disclosure-log rows. */
export interface GrantUseRow {
  grant_id: string;
  expires_at: string;
}

/** The grant was answered before: the request is refused with the guard's one 401 answer. */
export class GrantReplayedError extends Error {
  override name = 'GrantReplayedError';

  constructor(readonly grantId: string) {
    super('the grant has been used already');
  }
}

/**
 * True for the database's refusal of a second use of a grant id: the primary key of `grant_use`
 * (SQLSTATE 23505 on `grant_use_pkey`), raised by the disclosure-log append that carried the claim.
 */
export function isGrantReuse(error: unknown): boolean {
  const cause = error as { code?: string; constraint?: string } | null;
  return cause?.code === '23505' && cause.constraint === 'grant_use_pkey';
}

type ClaimState =
  | { kind: 'open' }
  | { kind: 'claiming'; settled: Promise<void> }
  | { kind: 'claimed' }
  | { kind: 'replayed' };

/**
 * A verified grant not yet used up. It is claimed by the first write of the request's
 * disclosure-log rows, in the same transaction (so a grant is used up exactly when something is
 * recorded as disclosed under it, and a replay rolls the rows back), or, when the request disclosed
 * nothing, by `settle` just before the answer leaves. Either way no answer leaves before the claim
 * is durable, and a second use of the grant gets the guard's 401: one round trip to the database
 * fewer on every agency fetch than claiming up front.
 */
export class PendingClaim {
  private state: ClaimState = { kind: 'open' };

  constructor(
    readonly grant: GrantClaims,
    private readonly replay: GrantReplayCache,
    private readonly now: () => number = Date.now,
  ) {}

  /** The `grant_use` row the first disclosure write inserts. */
  row(): GrantUseRow {
    return { grant_id: this.grant.grantId, expires_at: keepGrantIdUntil(this.grant.expiresAt, this.now()).toISOString() };
  }

  /**
   * Runs a disclosure write: the first is given the claim's row to insert with its own rows; the
   * ones after a successful claim are given null. Throws `GrantReplayedError` when the grant was
   * used before (nothing of this write is kept).
   */
  async withDisclosure(write: (claim: GrantUseRow | null) => Promise<void>): Promise<void> {
    for (;;) {
      const state = this.state;
      if (state.kind === 'claimed') return write(null);
      if (state.kind === 'replayed') throw new GrantReplayedError(this.grant.grantId);
      if (state.kind === 'claiming') {
        await state.settled.catch(() => undefined);
        continue;
      }
      const settled = this.attempt(() => write(this.row()), true);
      this.state = { kind: 'claiming', settled };
      return settled;
    }
  }

  /**
   * After the request was executed, before its answer is sent: true when the grant is now used by
   * this request (claiming it here if no disclosure write did), false when it had been used before.
   * Throws when the claim could not be recorded (the database failed): nothing may be answered.
   */
  async settle(): Promise<boolean> {
    for (;;) {
      const state = this.state;
      if (state.kind === 'claimed') return true;
      if (state.kind === 'replayed') return false;
      if (state.kind === 'claiming') {
        await state.settled.catch(() => undefined);
        continue;
      }
      const settled = this.attempt(async () => {
        if (!(await this.replay.claim(this.grant.grantId, this.grant.expiresAt))) throw new GrantReplayedError(this.grant.grantId);
      }, false);
      this.state = { kind: 'claiming', settled };
      await settled.catch((error: unknown) => {
        if (!(error instanceof GrantReplayedError)) throw error;
      });
    }
  }

  /** Runs one claiming write; the state says how it ended before anyone waiting on it resumes. */
  private async attempt(claim: () => Promise<void>, withDisclosure: boolean): Promise<void> {
    try {
      await claim();
      this.state = { kind: 'claimed' };
      if (withDisclosure) this.replay.claimedWithDisclosure?.();
    } catch (error) {
      if (error instanceof GrantReplayedError || isGrantReuse(error)) {
        this.state = { kind: 'replayed' };
        throw new GrantReplayedError(this.grant.grantId);
      }
      // Not recorded (the database failed): the next write, or `settle`, claims again.
      this.state = { kind: 'open' };
      throw error;
    }
  }
}
