import { generatePopulation } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

/**
 * Issue 10, think family: the case picture, the cross-agency findings and the risk matrix are
 * computed from what the agencies answered under the agreement; associates are agency fields
 * like any other; an associate added with addSubject gets the full four-agency view.
 */
const PICTURE = `query($id: ID!) { case(id: $id) {
  id rag
  subjects { id givenName familyName householdRole }
  picture {
    subjects { subjectId householdRole agencies { agency state reason recordId postcode } }
    flags { subjectId agency code severity date }
    findings { code status severity subjectIds agencies summary }
  }
  riskMatrix { policyVersion rows { area level facts { agency code level subjectId } notAssessed { agency state } } }
} }`;
const ASSOCIATES = `query($id: ID!) { case(id: $id) { subjects { id givenName associates { agency recordId relationship role givenName familyName dateOfBirth } } } }`;
const ADD = `mutation($caseId: ID!, $input: SubjectInput!, $foundAs: AssociateSourceInput) { addSubject(caseId: $caseId, input: $input, foundAs: $foundAs) { id householdRole } }`;

describe('think family: the case picture, associates and the risk matrix', () => {
  let federation: Federation;
  let triage: string;
  const scenarios = generatePopulation({ people: 400 }).scenarios;
  const caseOf = new Map<string, string>();
  let greenId: string;

  beforeAll(async () => {
    federation = await startFederation();
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-family' });
    const { body } = await federation.query('{ cases(limit: 100) { id rag subjects { familyName } } }', {}, triage);
    for (const scenario of scenarios) {
      const surname = scenario.household.members[0].familyName;
      caseOf.set(scenario.name, body.data.cases.find((item: any) => item.subjects.some((s: any) => s.familyName === surname)).id);
    }
    greenId = body.data.cases.find((item: any) => item.rag === 'GREEN').id;
  });
  afterAll(() => federation?.stop());

  async function picture(name: string) {
    const { body } = await federation.query(PICTURE, { id: caseOf.get(name) }, triage);
    expect(body.data.case).not.toBeNull();
    return { ...body.data.case, errors: body.errors ?? [] };
  }

  it('every demo scenario shows the findings it was built for, each with its subjects and agencies', async () => {
    for (const scenario of scenarios) {
      const result = await picture(scenario.name);
      const found = result.picture.findings.filter((finding: any) => finding.status === 'FOUND');
      for (const code of scenario.findings) {
        const finding = found.find((item: any) => item.code === code);
        expect({ scenario: scenario.name, code, found: Boolean(finding) }).toEqual({ scenario: scenario.name, code, found: true });
        expect(finding.subjectIds.length).toBeGreaterThan(0);
        expect(finding.agencies.length).toBeGreaterThan(0);
      }
      // Every subject has one state per agency, in the contract's order.
      for (const subject of result.picture.subjects) {
        expect(subject.agencies.map((agency: any) => agency.agency)).toEqual(['police', 'socialCare', 'health', 'education']);
      }
    }
  });

  it('tells "not known" apart: the missing-education child is NOT_KNOWN to education, the baby to health', async () => {
    const result = await picture('baby-and-child-missing-education');
    const state = (givenName: string, agency: string) => {
      const id = result.subjects.find((subject: any) => subject.givenName === givenName).id;
      return result.picture.subjects.find((subject: any) => subject.subjectId === id).agencies.find((item: any) => item.agency === agency).state;
    };
    expect(state('Tyler', 'education')).toBe('NOT_KNOWN');
    expect(state('Ava', 'health')).toBe('NOT_KNOWN');
    expect(state('Tyler', 'health')).toBe('KNOWN');
    // No finding that needs an agency which answered is left "not assessed".
    expect(result.picture.findings.filter((finding: any) => finding.status === 'NOT_ASSESSED')).toEqual([]);
  });

  it('orders flags most severe first and fills the risk matrix from the policy rules', async () => {
    const result = await picture('honour-based-abuse-and-radicalisation');
    const order = result.picture.flags.map((flag: any) => ['RED', 'AMBER', 'GREEN'].indexOf(flag.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const rows = Object.fromEntries(result.riskMatrix.rows.map((row: any) => [row.area, row]));
    expect(result.riskMatrix.policyVersion).toBe('2026-11-01.5');
    expect(rows.FGM_HONOUR_BASED_ABUSE.level).toBe('HIGH');
    expect(rows.FGM_HONOUR_BASED_ABUSE.facts.map((fact: any) => fact.agency)).toEqual(expect.arrayContaining(['police', 'socialCare', 'health']));
    expect(rows.PREVENT_RADICALISATION.level).not.toBe('NONE_KNOWN');
    expect(rows.HATE_CRIME.level).not.toBe('NONE_KNOWN');
    expect(rows.TRAFFICKING_MODERN_SLAVERY).toMatchObject({ level: 'NONE_KNOWN', facts: [], notAssessed: [] });
  });

  it('denies associates, the picture and the matrix of a GREEN case like every other agency field', async () => {
    const before = Object.values(federation.agencies).reduce((sum, agency) => sum + agency.requests, 0);
    const { body } = await federation.query(ASSOCIATES, { id: greenId }, triage);
    expect(body.data.case.subjects.every((subject: any) => subject.associates === null)).toBe(true);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors.every((error: any) => error.extensions.code === 'ISA_DENIED')).toBe(true);
    const seen = await federation.query(PICTURE, { id: greenId }, triage);
    const states = seen.body.data.case.picture.subjects.flatMap((subject: any) => subject.agencies.map((agency: any) => agency.state));
    expect(new Set(states)).toEqual(new Set(['DENIED']));
    expect(seen.body.data.case.picture.flags).toEqual([]);
    // Nothing left the gateway for a GREEN case.
    expect(Object.values(federation.agencies).reduce((sum, agency) => sum + agency.requests, 0)).toBe(before);
    const denials = await federation.hub.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND kind = 'AGENCY_FETCH' AND decision = 'DENIED' AND EXISTS (SELECT 1 FROM unnest(fields) AS field WHERE field LIKE '%.associates.%')`, [greenId]);
    expect(denials[0].n).toBe(4);
  });

  it('lists the partner police know at the address, and once added he gets the full view and the finding names him', async () => {
    const caseId = caseOf.get('household-domestic-abuse')!;
    const { body } = await federation.query(ASSOCIATES, { id: caseId }, triage);
    expect(body.errors).toBeUndefined();
    const keira = body.data.case.subjects.find((subject: any) => subject.givenName === 'Keira');
    const wayne = keira.associates.find((associate: any) => associate.givenName === 'Wayne' && associate.agency === 'police');
    expect(wayne).toMatchObject({ familyName: 'Tolley', relationship: 'SAME_ADDRESS', recordId: expect.any(String), dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // Minimal identity only: nothing of his history travels with him.
    expect(Object.keys(wayne).sort()).toEqual(['agency', 'dateOfBirth', 'familyName', 'givenName', 'recordId', 'relationship', 'role']);
    // The police disclosure log names him beside the subject's own record.
    const logged = await federation.agencies.police.database.dataSource.query(`SELECT count(*)::int AS n FROM disclosure_log WHERE subject_id = $1 AND $2 = ANY(record_ids)`, [keira.id, wayne.recordId]);
    expect(logged[0].n).toBeGreaterThan(0);

    const before = (await picture('household-domestic-abuse')).picture.findings.find((finding: any) => finding.code === 'ADULT_RISK_WHERE_CHILDREN_LIVE');
    const added = await federation.query(ADD, {
      caseId,
      input: { householdRole: 'PARTNER', givenName: wayne.givenName, familyName: wayne.familyName, dateOfBirth: wayne.dateOfBirth, postcode: scenarios[0].household.postcode },
      foundAs: { agency: 'police', recordId: wayne.recordId },
    }, triage);
    expect(added.body.errors).toBeUndefined();
    const subjectId = added.body.data.addSubject.id;
    const after = await picture('household-domestic-abuse');
    const states = after.picture.subjects.find((subject: any) => subject.subjectId === subjectId).agencies;
    expect(states.find((item: any) => item.agency === 'police')).toMatchObject({ state: 'KNOWN', recordId: wayne.recordId });
    expect(states.map((item: any) => item.state)).not.toContain('DENIED');
    const risk = after.picture.findings.filter((finding: any) => finding.code === 'ADULT_RISK_WHERE_CHILDREN_LIVE' && finding.subjectIds.includes(subjectId));
    expect(risk).toEqual([expect.objectContaining({ status: 'FOUND', severity: 'RED' })]);
    expect(before.subjectIds).not.toContain(subjectId);
    const audited = await federation.hub.dataSource.query(`SELECT reason FROM audit_log WHERE case_id = $1 AND rule = 'ADD_SUBJECT'`, [caseId]);
    expect(audited[0].reason).toContain(`foundAs=police:${wayne.recordId}`);
    // Each agency was asked about him under the agreement, with a grant.
    const fetched = await federation.hub.dataSource.query(`SELECT DISTINCT agency FROM audit_log WHERE kind = 'AGENCY_FETCH' AND decision = 'ALLOWED' AND $1 = ANY(subject_ids)`, [subjectId]);
    expect(fetched.map((row: any) => row.agency).sort()).toEqual(['education', 'health', 'police', 'social-care']);
  });

  it('refuses a bad subject with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const caseId = caseOf.get('adult-section-42')!;
    const { body } = await federation.query(ADD, { caseId, input: { householdRole: 'OTHER_ADULT', familyName: 'Blamire', nhsNumber: '9876544321' } }, triage);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject.nhsNumber' });
    const count = await federation.hub.dataSource.query('SELECT count(*)::int AS n FROM mash_subject WHERE case_id = $1', [caseId]);
    expect(count[0].n).toBe(2);
  });

  it('says a finding could not be assessed when the agency it needs is down', async () => {
    await federation.agencies.education.stop();
    const result = await picture('baby-and-child-missing-education');
    const tyler = result.subjects.find((subject: any) => subject.givenName === 'Tyler').id;
    const states = result.picture.subjects.find((subject: any) => subject.subjectId === tyler).agencies;
    expect(states.find((item: any) => item.agency === 'education')).toMatchObject({ state: 'UNAVAILABLE', reason: 'AGENCY_UNAVAILABLE' });
    const finding = result.picture.findings.find((item: any) => item.code === 'CHILD_MISSING_EDUCATION');
    expect(finding).toMatchObject({ status: 'NOT_ASSESSED', agencies: ['education'], subjectIds: [tyler] });
    // The other agencies' findings still stand.
    expect(result.picture.findings.some((item: any) => item.code === 'BABY_WITHOUT_NHS_NUMBER' && item.status === 'FOUND')).toBe(true);
  });
});
