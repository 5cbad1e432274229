import { DEFAULT_POLICY, type PolicyDocument } from '../../policy';
import { CaseKind, Rag } from '../entities/enums';
import { DEFAULT_CLOCK, dueBy, hubClockOf } from '../timescales';

const at = (iso: string) => new Date(iso);

describe('dueBy under the default policy (2026-11-01.4)', () => {
  const referral = { kind: CaseKind.REFERRAL, receivedAt: at('2026-11-27T10:00:00Z') };

  it('gives an unrated referral 24 hours from receipt', () => {
    expect(dueBy({ ...referral, rag: null, ratedAt: null }).toISOString()).toBe('2026-11-28T10:00:00.000Z');
  });

  it('gives RED 2 elapsed hours from its rating, even on a Friday evening', () => {
    expect(dueBy({ ...referral, rag: Rag.RED, ratedAt: at('2026-11-27T18:30:00Z') }).toISOString()).toBe('2026-11-27T20:30:00.000Z');
  });

  it('counts from the re-rating that set the timescale: AMBER at 10:00 Friday, re-rated GREEN at 15:00', () => {
    expect(dueBy({ ...referral, rag: Rag.AMBER, ratedAt: referral.receivedAt }).toISOString()).toBe('2026-11-28T10:00:00.000Z');
    // GREEN is three working days (24 working hours): Fri 15-17, Mon, Tue, Wed 09-15.
    expect(dueBy({ ...referral, rag: Rag.GREEN, ratedAt: at('2026-11-27T15:00:00Z') }).toISOString()).toBe('2026-12-02T15:00:00.000Z');
  });

  it('gives an information request five working days from receipt, or its rating\'s when sooner', () => {
    const request = { kind: CaseKind.INFORMATION_REQUEST, receivedAt: at('2026-11-30T09:00:00Z') };
    expect(dueBy({ ...request, rag: null, ratedAt: null }).toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(dueBy({ ...request, rag: Rag.GREEN, ratedAt: at('2026-11-30T10:00:00Z') }).toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(dueBy({ ...request, rag: Rag.RED, ratedAt: at('2026-11-30T10:00:00Z') }).toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });
});

describe('hubClockOf', () => {
  it('reads a policy version without timescales (before .4) as elapsed timescalesHours with the fallbacks', () => {
    const older = structuredClone(DEFAULT_POLICY) as PolicyDocument;
    delete older.timescales;
    older.timescalesHours = { RED: 4, AMBER: 20, GREEN: 60 };
    const clock = hubClockOf(older);
    expect(clock.timescales).toEqual({
      RED: { hours: 4, clock: 'ELAPSED' },
      AMBER: { hours: 20, clock: 'ELAPSED' },
      GREEN: { hours: 60, clock: 'ELAPSED' },
      UNRATED: { hours: 24, clock: 'ELAPSED' },
      INFORMATION_REQUEST: { hours: 40, clock: 'WORKING' },
    });
    expect(clock.reReferralWindowDays).toBe(28);
  });

  it('takes a timescale the policy names over timescalesHours', () => {
    expect(DEFAULT_CLOCK.timescales.GREEN).toEqual({ hours: 24, clock: 'WORKING' });
    expect(hubClockOf({ ...DEFAULT_POLICY, timescales: { AMBER: { hours: 8, clock: 'WORKING' } } }).timescales).toMatchObject({
      AMBER: { hours: 8, clock: 'WORKING' },
      GREEN: { hours: 72, clock: 'ELAPSED' },
    });
  });
});
