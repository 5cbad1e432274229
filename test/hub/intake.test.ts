import { Case } from '../../gateway/src/hub/entities/case.entity';
import { CaseKind, HouseholdRole, InformationRequester, Rag } from '../../gateway/src/hub/entities/enums';
import { child, MANAGER, openHub, referral, refusal, TRIAGE, type TestHub } from './support';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

// Issue 11: referral intake a portal can use.
describe('referral intake', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await openHub('hub-intake');
  });
  afterAll(() => hub?.close());

  const count = () => hub.db.dataSource.getRepository(Case).count();

  describe('an idempotency key', () => {
    it('makes one case of a retried submission, however often and however concurrently it is sent', async () => {
      const input = referral({ subjects: [child()] }, Rag.AMBER);
      const before = await count();
      const first = await hub.cases.receiveReferral(input, TRIAGE, NOW, 'portal-7f3a9c');
      const retry = await hub.cases.receiveReferral({ ...input, referrerContact: null }, TRIAGE, new Date(NOW.getTime() + 60_000), 'portal-7f3a9c');
      expect(retry.id).toBe(first.id);
      const concurrent = referral({ subjects: [child()] });
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => hub.cases.receiveReferral(concurrent, TRIAGE, NOW, 'portal-concurrent')));
      expect(new Set([a.id, b.id, c.id]).size).toBe(1);
      expect(await count()).toBe(before + 2);
      expect((await hub.mutations(first.id)).filter((entry) => entry.rule === 'RECEIVE_REFERRAL')).toHaveLength(1);
    });

    it('refuses a different submission under a used key, writing nothing', async () => {
      const input = referral();
      await hub.cases.receiveReferral(input, TRIAGE, NOW, 'portal-reused');
      const before = await count();
      const refused = await refusal(hub.cases.receiveReferral({ ...input, concern: 'Another concern altogether' }, TRIAGE, NOW, 'portal-reused'));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await refusal(hub.cases.receiveReferral(input, TRIAGE, NOW, 'has a space'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await count()).toBe(before);
    });
  });

  describe('a re-referral', () => {
    it('is a new case linked to the latest referral about the same child within the window (NHS number)', async () => {
      const earlier = await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '9990001006' })] }), TRIAGE, daysAgo(20));
      const later = await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '999 000 1006', familyName: 'Renamed' })] }), TRIAGE, daysAgo(2));
      const now = await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '9990001006', familyName: 'Again' })] }, Rag.GREEN), TRIAGE, NOW);
      expect(later.reReferralOf).toBe(earlier.id);
      expect(now.reReferralOf).toBe(later.id);
      expect(now.id).not.toBe(later.id);
      expect((await hub.mutations(now.id))[0].reason).toContain(`reReferralOf=${later.id}`);
    });

    it('matches on family name and date of birth with the given name or the postcode, whatever the case of the letters', async () => {
      const earlier = await hub.cases.receiveReferral(referral({ subjects: [child({ givenName: 'Ellie May', familyName: 'Fenwick', dateOfBirth: '2016-07-08', postcode: 'CV21 2AA' })] }), TRIAGE, daysAgo(10));
      const byGiven = await hub.cases.receiveReferral(referral({ subjects: [child({ givenName: 'ellie', familyName: 'FENWICK', dateOfBirth: '2016-07-08', postcode: null })] }), TRIAGE, daysAgo(5));
      expect(byGiven.reReferralOf).toBe(earlier.id);
      const byPostcode = await hub.cases.receiveReferral(referral({ subjects: [child({ givenName: 'Eleanor', familyName: 'Fenwick', dateOfBirth: '2016-07-08', postcode: 'cv212aa' })] }), TRIAGE, daysAgo(4));
      // The latest referral about her that matches: byGiven had no postcode and another given name.
      expect(byPostcode.reReferralOf).toBe(earlier.id);
      const sibling = await hub.cases.receiveReferral(referral({ subjects: [child({ givenName: 'Tom', familyName: 'Fenwick', dateOfBirth: '2018-01-02', postcode: 'CV21 2AA' })] }), TRIAGE, daysAgo(3));
      expect(sibling.reReferralOf).toBeNull();
    });

    it('is not linked outside the window, through an adult named around the child, or for an information request', async () => {
      const old = await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '9990001014' })] }), TRIAGE, daysAgo(40));
      expect((await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '9990001014' })] }), TRIAGE, daysAgo(11))).reReferralOf).toBeNull();
      expect(old.reReferralOf).toBeNull();

      const parent = { householdRole: HouseholdRole.PARENT, givenName: 'Dana', familyName: 'Parentcase', dateOfBirth: '1985-02-03' };
      await hub.cases.receiveReferral(referral({ subjects: [child(), parent] }), TRIAGE, daysAgo(6));
      expect((await hub.cases.receiveReferral(referral({ subjects: [child(), parent] }), TRIAGE, daysAgo(5))).reReferralOf).toBeNull();

      await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '9990001022' })] }), TRIAGE, daysAgo(3));
      const request = await hub.cases.receiveReferral(
        referral({ kind: CaseKind.INFORMATION_REQUEST, informationRequester: InformationRequester.FAMILY_COURT, referralSource: '7', subjects: [child({ nhsNumber: '9990001022' })] }), TRIAGE, daysAgo(1),
      );
      expect(request.reReferralOf).toBeNull();
    });

    it('follows the policy window (reReferralWindowDays)', async () => {
      await hub.usePolicy('2026-11-01.4-window-60', (policy) => {
        policy.reReferralWindowDays = 60;
      });
      const earlier = await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '9990001030' })] }), TRIAGE, daysAgo(50));
      expect((await hub.cases.receiveReferral(referral({ subjects: [child({ nhsNumber: '9990001030' })] }), TRIAGE, NOW)).reReferralOf).toBe(earlier.id);
    });
  });

  describe('codes and kinds', () => {
    it('takes CIN census referral source codes only, normalised', async () => {
      expect((await hub.cases.receiveReferral(referral({ referralSource: ' 3e ' }), TRIAGE, NOW)).referralSource).toBe('3E');
      for (const bad of ['11', '3G', 'X', '5E']) {
        expect(await refusal(hub.cases.receiveReferral(referral({ referralSource: bad }), TRIAGE, NOW))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referralSource' });
      }
    });

    it('needs a requester for an information request, and none for a referral', async () => {
      expect(await refusal(hub.cases.receiveReferral(referral({ kind: CaseKind.INFORMATION_REQUEST }), TRIAGE, NOW))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'informationRequester' });
      expect(await refusal(hub.cases.receiveReferral(referral({ informationRequester: InformationRequester.PROBATION }), MANAGER, NOW))).toMatchObject({ field: 'informationRequester' });
    });
  });
});
