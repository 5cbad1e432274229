import type { DomesticAbusePerson } from '../../screening/entities/da-person.entity';
import { DEFAULT_NOTIFICATIONS, onwardKinds } from '../agreement';
import { OnwardNotificationKind, OnwardNotificationProblem } from '../entities/enums';
import { planOutbox } from '../outbox';
import type { RecipientLookup } from '../recipients';

const child = (id: string, subjectId: string | null) => ({ id, subjectId, role: 'CHILD' }) as DomesticAbusePerson;
const found: RecipientLookup = { found: true, code: '123456', name: 'Oak Primary', contact: 'DSL, 01926 000000', child: { givenName: 'A', familyName: 'B', dateOfBirth: null } };
const OE = OnwardNotificationKind.OPERATION_ENCOMPASS;
const GP = OnwardNotificationKind.GP_NOTIFICATION;

describe('planning the onward notifications of a screening', () => {
  it('tells schools only, unless the agreement adds GPs; nobody when it turns Operation Encompass off', () => {
    expect(onwardKinds(null)).toEqual([OE]);
    expect(DEFAULT_NOTIFICATIONS).toEqual({ operationEncompass: true, gpOnDomesticAbuse: false });
    expect(onwardKinds({ notifications: { operationEncompass: true, gpOnDomesticAbuse: true } } as never)).toEqual([OE, GP]);
    expect(onwardKinds({ notifications: { operationEncompass: false, gpOnDomesticAbuse: false } } as never)).toEqual([]);
  });

  it('keeps a row for every child and recipient, found or not: NO_CASE without a case to look up through', () => {
    const plans = planOutbox([child('p1', null), child('p2', null)], [OE, GP], null);
    expect(plans.map((plan) => [plan.personId, plan.kind, plan.lookup.found ? 'found' : plan.lookup.problem])).toEqual([
      ['p1', OE, OnwardNotificationProblem.NO_CASE], ['p1', GP, OnwardNotificationProblem.NO_CASE],
      ['p2', OE, OnwardNotificationProblem.NO_CASE], ['p2', GP, OnwardNotificationProblem.NO_CASE],
    ]);
  });

  it("takes each child's own answer, marks a child missing from it NOT_IN_CASE, and a failed look-up fails every row", () => {
    const byChild = new Map([['s1', new Map([[OE, found]])]]);
    const plans = planOutbox([child('p1', 's1'), child('p2', 's2')], [OE], { byChild, failure: null });
    expect(plans[0]).toMatchObject({ personId: 'p1', subjectId: 's1', lookup: found });
    expect(plans[1].lookup).toMatchObject({ found: false, problem: OnwardNotificationProblem.NOT_IN_CASE });
    const failure: RecipientLookup = { found: false, problem: OnwardNotificationProblem.UNAVAILABLE, reason: 'x' };
    expect(planOutbox([child('p1', 's1')], [OE], { byChild, failure }).map((plan) => plan.lookup)).toEqual([failure]);
  });

  it('plans nothing when no child is named', () => {
    expect(planOutbox([], [OE, GP], null)).toEqual([]);
  });
});
