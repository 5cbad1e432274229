import 'reflect-metadata';
import { Case } from '../../gateway/src/hub/entities/case.entity';
import { MatchDecision } from '../../gateway/src/hub/entities/match-decision.entity';
import { Subject } from '../../gateway/src/hub/entities/subject.entity';
import { decisionsOfSubjects, recordMatchDecision } from '../../gateway/src/hub/match-decisions';
import { AgencyValue, MatchDecisionKind } from '../../gateway/src/hub/entities/match-decision.entity';
import { CASE_BY_ID, SUBJECTS_OF_CASE } from '../../gateway/src/hub/resolvers/case.resolver';
import { entityRead } from '../../gateway/src/hub/entity-reader';
import { child, openHub, referral, TRIAGE, type TestHub } from './support';

/** The hot path's reads give exactly the entities TypeORM's `find` gives: same class, same values, same order. */
describe('entityRead: the triage path reads without the query builder', () => {
  let hub: TestHub;
  let caseId: string;

  beforeAll(async () => {
    hub = await openHub('entity-reader');
    const received = await hub.cases.receiveReferral(
      referral({ subjects: [child({ givenName: 'Zoë', familyName: "O'Brien", dateOfBirth: '2016-02-29' }), child({ givenName: null as never, nhsNumber: '9434765919' }), child({ givenName: 'Amy', familyName: 'Able' })] }),
      TRIAGE,
    );
    caseId = received.id;
  });
  afterAll(() => hub?.close());

  it('reads a case as findOneBy does, every column converted the same way', async () => {
    const [read] = await CASE_BY_ID(hub.db.dataSource, [caseId]);
    const found = await hub.db.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
    expect(read).toBeInstanceOf(Case);
    expect(read).toEqual(found);
    expect(read.receivedAt).toBeInstanceOf(Date);
    expect(await CASE_BY_ID(hub.db.dataSource, ['00000000-0000-4000-8000-000000000000'])).toEqual([]);
  });

  it("reads a case's subjects as find does, in the same order, dates as strings", async () => {
    const read = await SUBJECTS_OF_CASE(hub.db.dataSource, [caseId]);
    const found = await hub.db.dataSource.getRepository(Subject).find({ where: { caseId }, order: { householdRole: 'ASC', familyName: 'ASC', givenName: 'ASC' } });
    expect(read).toHaveLength(3);
    expect(read.every((subject) => subject instanceof Subject)).toBe(true);
    expect(read).toEqual(found);
    expect(read.map((subject) => subject.dateOfBirth)).toContain('2016-02-29');
  });

  it('reads match decisions as find does; decisionsOfSubjects sees a confirmation', async () => {
    const [subject] = await SUBJECTS_OF_CASE(hub.db.dataSource, [caseId]);
    await recordMatchDecision(hub.db.dataSource, { subjectId: subject.id, agency: AgencyValue.police, recordId: 'WK-NOM-0000001', rationale: 'same person' }, MatchDecisionKind.CONFIRMED, { userId: 'triage-1' });
    const read = await entityRead(MatchDecision, 'subject_id = ANY($1::uuid[])', 'decided_at ASC')(hub.db.dataSource, [[subject.id]]);
    const found = await hub.db.dataSource.getRepository(MatchDecision).find({ where: [{ subjectId: subject.id }], order: { decidedAt: 'ASC' } });
    expect(read).toHaveLength(1);
    expect(read).toEqual(found);
    expect((await decisionsOfSubjects(hub.db.dataSource, [subject.id])).get(subject.id)?.get('police')).toEqual({ confirmed: 'WK-NOM-0000001' });
  });
});
