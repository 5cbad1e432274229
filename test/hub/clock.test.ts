import { Rag } from '../../gateway/src/hub/entities/enums';
import { CaseKind, InformationRequester } from '../../gateway/src/hub/entities/enums';
import { RagRating } from '../../gateway/src/hub/entities/rag-rating.entity';
import { MANAGER, openHub, referral, TRIAGE, type TestHub } from './support';

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

// Issue 11: timescales as policy data, on the hub's real register and database, with fixed dates.
describe('the hub\'s clock', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await openHub('hub-clock');
  });
  afterAll(() => hub?.close());

  async function history(caseId: string) {
    const ratings = await hub.db.dataSource.getRepository(RagRating).find({ where: { caseId }, order: { ratedAt: 'ASC' } });
    return ratings.map((rating) => [rating.rag, iso(rating.ratedAt), iso(rating.dueBy)]);
  }

  it('recomputes dueBy on every re-rating from the rating that set the timescale, and keeps each due time on its rating', async () => {
    // Default policy 2026-11-01.4: AMBER 24 elapsed hours, GREEN 24 working hours, RED 2 elapsed hours.
    const received = await hub.cases.receiveReferral(referral({}, Rag.AMBER), MANAGER, at('2026-11-27T10:00:00Z'));
    expect(iso(received.dueBy)).toBe('2026-11-28T10:00:00.000Z');
    expect(received).toMatchObject({ stage: 'RATED', ratedAt: at('2026-11-27T10:00:00Z'), firstRatedAt: at('2026-11-27T10:00:00Z') });

    const green = await hub.cases.rateCase({ caseId: received.id, rag: Rag.GREEN, rationale: 'Less than feared' }, TRIAGE, at('2026-11-27T15:00:00Z'));
    // Friday 15:00 plus three working days: Fri 15-17, Mon, Tue, Wed 09-15 (the weekend does not count).
    expect(iso(green.dueBy)).toBe('2026-12-02T15:00:00.000Z');
    const again = await hub.cases.rateCase({ caseId: received.id, rag: Rag.GREEN, rationale: 'Still GREEN after checks' }, TRIAGE, at('2026-11-30T09:30:00Z'));
    expect(iso(again.ratedAt)).toBe('2026-11-27T15:00:00.000Z');
    expect(iso(again.dueBy)).toBe('2026-12-02T15:00:00.000Z');
    const red = await hub.cases.rateCase({ caseId: received.id, rag: Rag.RED, rationale: 'Disclosure today' }, MANAGER, at('2026-11-30T10:00:00Z'));
    expect(iso(red.dueBy)).toBe('2026-11-30T12:00:00.000Z');
    expect(iso(red.firstRatedAt)).toBe('2026-11-27T10:00:00.000Z');

    expect(await history(received.id)).toEqual([
      ['AMBER', '2026-11-27T10:00:00.000Z', '2026-11-28T10:00:00.000Z'],
      ['GREEN', '2026-11-27T15:00:00.000Z', '2026-12-02T15:00:00.000Z'],
      ['GREEN', '2026-11-30T09:30:00.000Z', '2026-12-02T15:00:00.000Z'],
      ['RED', '2026-11-30T10:00:00.000Z', '2026-11-30T12:00:00.000Z'],
    ]);
  });

  it('counts AMBER in working hours when the policy says so: across a weekend and across Easter', async () => {
    await hub.usePolicy('2026-11-01.4-working-amber', (policy) => {
      policy.timescales!.AMBER = { hours: 8, clock: 'WORKING' };
    });
    const friday = await hub.cases.receiveReferral(referral({}, Rag.AMBER), MANAGER, at('2026-11-27T16:00:00Z'));
    expect(iso(friday.dueBy)).toBe('2026-11-30T16:00:00.000Z');
    // Thursday before Good Friday, 16:00 BST: Good Friday, the weekend and Easter Monday do not count.
    const easter = await hub.cases.receiveReferral(referral({}, Rag.AMBER), MANAGER, at('2026-04-02T15:00:00Z'));
    expect(iso(easter.dueBy)).toBe('2026-04-07T15:00:00.000Z');
    // RED stays on the elapsed clock over the same weekend.
    const red = await hub.cases.receiveReferral(referral({}, Rag.RED), MANAGER, at('2026-11-27T16:30:00Z'));
    expect(iso(red.dueBy)).toBe('2026-11-27T18:30:00.000Z');
  });

  it('gives an information request its own timescale from receipt', async () => {
    const request = await hub.cases.receiveReferral(
      referral({ kind: CaseKind.INFORMATION_REQUEST, informationRequester: InformationRequester.CAFCASS, referralSource: '7' }),
      TRIAGE,
      at('2026-11-30T09:00:00Z'),
    );
    expect(request).toMatchObject({ kind: 'INFORMATION_REQUEST', informationRequester: 'CAFCASS', stage: 'RECEIVED' });
    expect(iso(request.dueBy)).toBe('2026-12-04T17:00:00.000Z');
    const rated = await hub.cases.rateCase({ caseId: request.id, rag: Rag.GREEN, rationale: 'Court checks only' }, MANAGER, at('2026-11-30T10:00:00Z'));
    expect(iso(rated.dueBy)).toBe('2026-12-03T10:00:00.000Z');
  });
});
