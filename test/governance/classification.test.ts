import diagnosticsChannel from 'node:diagnostics_channel';
import { generatePopulation, type SyntheticPerson } from '@mash/shared';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { DEFAULT_POLICY } from '@mash/gateway/dist/policy';
import { startFederation, type Federation } from '../support/federation';

/**
 * Issue 12, field classification: "a field classified above a role's allowance is withheld with
 * ISA_DENIED on that path while permitted fields in the same query arrive; a restricted item never
 * appears". The default policy releases POLICE_INTELLIGENCE for RED cases only; RESTRICTED never.
 */
const TRIAGE = { userId: 'triage-classification', roles: ['mash-triage'] };
const MANAGER = { userId: 'manager-classification', roles: ['mash-manager'] };

const POLICE = `query($id: ID!) {
  case(id: $id) {
    subjects {
      givenName
      police { status matches { record { nominalId warningMarkers { type source } domesticAbuseLast12Months { reference role } } } }
    }
  }
}`;

/** Every trick a client might try to reach a restricted item: aliases, named and inline fragments, nesting. */
const RESTRICTED_TRICKS = `query($id: ID!) {
  case(id: $id) {
    subjects {
      givenName
      p: police { ...View }
      police { matches { record { ... on PoliceNominalRecord { safe: publicProtection { mappaCategory } } } } }
      health { matches { record { id contact: protectedContact { addressLine postcode uprn practiceOdsCode } ...Contact } } }
    }
  }
}
fragment View on PoliceView { status matches { record { nominalId pp: publicProtection { ...Mappa } } } }
fragment Mappa on PolicePublicProtection { mappaCategory mappaLevel registeredSexOffender sexualHarmPreventionOrder visor }
fragment Contact on HealthRecord { protectedContact { postcode } }`;

const isaDenied = (body: any) => (body.errors ?? []).filter((error: any) => error.extensions?.code === 'ISA_DENIED');

describe('field classification: withheld per field, the rest of the answer arrives', () => {
  let federation: Federation;
  let triage: string;
  let manager: string;
  let craig: SyntheticPerson;
  let wayne: SyntheticPerson;
  const caseIds: Record<string, string> = {};
  /** What the gateway sent to each agency: the request bodies as undici sends them (its diagnostics channel). */
  const sent: { url: string; body: string }[] = [];
  let agencyUrls: string[] = [];
  const onRequest = (message: unknown) => {
    const { request } = message as { request: { origin: string | URL; path: string; body: unknown } };
    const url = `${String(request.origin).replace(/\/$/, '')}${request.path}`;
    if (agencyUrls.some((agencyUrl) => url.startsWith(agencyUrl))) sent.push({ url, body: Buffer.isBuffer(request.body) ? request.body.toString('utf8') : String(request.body ?? '') });
  };

  let postcode: string;
  const subject = (person: SyntheticPerson, householdRole: string) => ({
    householdRole, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth,
    gender: person.gender, pncId: person.pncId, nhsNumber: person.nhsNumber, postcode,
  });

  async function openCase(name: string, rag: 'RED' | 'AMBER', subjects: object[]) {
    const { cases } = hubServices(federation.hub.dataSource);
    const received = await cases.receiveReferral({
      referrerName: 'Designated Safeguarding Lead', referrerOrganisation: 'A school', referralSource: '2A',
      concern: `Classification test: ${name}`, pathway: 'CHILDREN', consentStatus: 'NOT_SOUGHT', consentEarlyHelpSharing: false,
      rag, ragRationale: 'Test rating', subjects,
    } as never, TRIAGE);
    await cases.confirmRating({ caseId: received.id, rationale: 'Confirmed for the test' }, MANAGER);
    caseIds[name] = received.id;
  }

  beforeAll(async () => {
    federation = await startFederation();
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-officer-b' });
    manager = await federation.token({ role: 'mash-manager', sub: 'manager-b' });
    const household = generatePopulation({ people: 400 }).scenarios.find((scenario) => scenario.name === 'household-domestic-abuse')!.household;
    postcode = household.postcode;
    craig = household.members.find((member) => member.givenName === 'Craig')!;
    wayne = household.members.find((member) => member.givenName === 'Wayne')!;
    // A PDS restricted patient (someone who fled abuse): health holds their address, the plain fields stay null.
    const [restricted] = await federation.agencies.health.database.dataSource.query(
      `SELECT given_name, family_name, date_of_birth::text AS dob, nhs_number FROM patient WHERE restricted AND nhs_number IS NOT NULL AND address_line IS NOT NULL AND deceased_date IS NULL ORDER BY id LIMIT 1`,
    );
    await openCase('amber', 'AMBER', [subject(craig, 'PARENT')]);
    await openCase('red', 'RED', [subject(craig, 'PARENT'), subject(wayne, 'PARTNER')]);
    await openCase('restricted', 'RED', [
      subject(wayne, 'PARTNER'),
      { householdRole: 'PARENT', givenName: restricted.given_name, familyName: restricted.family_name, dateOfBirth: restricted.dob, nhsNumber: restricted.nhs_number },
    ]);
    agencyUrls = Object.values(federation.agencies).map((agency) => agency.url);
    diagnosticsChannel.subscribe('undici:request:create', onRequest);
  });
  afterAll(async () => {
    diagnosticsChannel.unsubscribe('undici:request:create', onRequest);
    await federation?.stop();
  });

  it('AMBER: police intelligence is withheld with ISA_DENIED on its exact path, identity and DA incidents arrive in the same answer', async () => {
    const { body } = await federation.query(POLICE, { id: caseIds.amber }, triage);
    const record = body.data.case.subjects[0].police.matches[0].record;
    expect(record.nominalId).toEqual(expect.any(String));
    expect(record.domesticAbuseLast12Months.length).toBeGreaterThan(0);
    expect(record.warningMarkers).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      path: ['case', 'subjects', 0, 'police', 'matches', 0, 'record', 'warningMarkers'],
      extensions: { code: 'ISA_DENIED', rule: 'classification-not-released', level: 'POLICE_INTELLIGENCE', agency: 'police', policyVersion: DEFAULT_POLICY.version },
    });
    expect(body.errors[0].message).toContain('does not release POLICE_INTELLIGENCE fields from police');
    // Minimisation: police were never asked for the markers.
    const toPolice = sent.filter((request) => request.url.startsWith(federation.agencies.police.url));
    expect(toPolice.length).toBeGreaterThan(0);
    expect(toPolice.some((request) => request.body.includes('warningMarkers'))).toBe(false);
  });

  it('RED: the same field arrives (Craig carries a violent marker)', async () => {
    const { body } = await federation.query(POLICE, { id: caseIds.red }, triage);
    expect(body.errors).toBeUndefined();
    const craigView = body.data.case.subjects.find((item: any) => item.givenName === craig.givenName).police;
    expect(craigView.matches[0].record.warningMarkers).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'VIOLENT' })]));
  });

  it('one query over a RED and an AMBER case: each case group cut to its own release in the one agency fetch', async () => {
    const both = `query($red: ID!, $amber: ID!) {
      red: case(id: $red) { subjects { police { matches { record { nominalId warningMarkers { type } } } } } }
      amber: case(id: $amber) { subjects { police { matches { record { nominalId marks: warningMarkers { type } } } } } }
    }`;
    const { body } = await federation.query(both, { red: caseIds.red, amber: caseIds.amber }, triage);
    expect(body.data.red.subjects.every((item: any) => Array.isArray(item.police.matches[0].record.warningMarkers))).toBe(true);
    expect(body.data.amber.subjects[0].police.matches[0].record).toEqual({ nominalId: expect.any(String), marks: null });
    expect(isaDenied(body).map((error: any) => error.path)).toEqual([['amber', 'subjects', 0, 'police', 'matches', 0, 'record', 'marks']]);
  });

  it('never lets a restricted item out, for a manager of a RED case, whatever aliases and fragments ask, and never asks the agency for it', async () => {
    const [management] = await federation.agencies.police.database.dataSource.query(
      `SELECT m.mappa_category FROM offender_management m JOIN police_nominal n ON n.id = m.nominal_id WHERE n.given_name = $1 AND n.family_name = $2`,
      [wayne.givenName, wayne.familyName],
    );
    expect(management.mappa_category).toBe(1); // police hold MAPPA detail for him: there is something to withhold
    const before = sent.length;
    const { body } = await federation.query(RESTRICTED_TRICKS, { id: caseIds.restricted }, manager);
    const text = JSON.stringify(body.data);
    const subjects = body.data.case.subjects;
    const wayneView = subjects.find((item: any) => item.givenName === wayne.givenName);
    expect(wayneView.p.matches[0].record).toEqual({ nominalId: expect.any(String), pp: null });
    expect(wayneView.police.matches[0].record).toEqual({ safe: null });
    const patient = subjects.find((item: any) => item.givenName !== wayne.givenName);
    expect(patient.health.matches[0].record).toEqual({ id: expect.any(String), contact: null, protectedContact: null });
    const denied = isaDenied(body);
    expect(denied.every((error: any) => error.extensions.rule === 'restricted-never-automatic' && error.extensions.level === 'RESTRICTED')).toBe(true);
    expect(denied.map((error: any) => error.path.slice(2).filter((part: unknown) => typeof part === 'string').join('.')).sort()).toEqual(
      expect.arrayContaining(['police.matches.record.safe', 'p.matches.record.pp', 'health.matches.record.contact', 'health.matches.record.protectedContact']),
    );
    expect(denied[0].message).toContain('never released automatically');
    expect(text).not.toMatch(/mappa|"visor"|practiceOdsCode/i);
    const asked = sent.slice(before).map((request) => request.body).join('\n');
    expect(asked).toContain('nominalId');
    expect(asked).not.toMatch(/publicProtection|protectedContact|mappa/);
  });

  it('records the released levels and the withheld fields in the AGENCY_FETCH entry', async () => {
    const rows = await federation.hub.dataSource.query(
      `SELECT fields, facts FROM audit_log WHERE kind = 'AGENCY_FETCH' AND agency = 'police' AND case_id = $1 AND decision = 'ALLOWED' ORDER BY seq DESC LIMIT 1`,
      [caseIds.amber],
    );
    expect(rows[0].fields).toContain('police.matches.record.warningMarkers.type');
    expect(rows[0].facts).toMatchObject({
      purpose: 'MASH_TRIAGE',
      case: { rag: 'AMBER' },
      released: ['BASIC_IDENTITY', 'SAFEGUARDING_STATUS', 'HEALTH_SPECIAL', 'CRIMINAL_OFFENCE'],
    });
    expect(rows[0].facts.withheld).toEqual(expect.arrayContaining([{ field: 'police.matches.record.warningMarkers.type', level: 'POLICE_INTELLIGENCE' }]));
    // The decision's own time, for re-evaluation at a closed-case window's edge; never after the entry.
    const [{ recorded_at: recordedAt }] = await federation.hub.dataSource.query(`SELECT recorded_at FROM audit_log WHERE kind = 'AGENCY_FETCH' AND case_id = $1 ORDER BY seq DESC LIMIT 1`, [caseIds.amber]);
    expect(new Date(rows[0].facts.decidedAt).getTime()).toBeLessThanOrEqual(new Date(recordedAt).getTime());
    const red = await federation.hub.dataSource.query(
      `SELECT facts FROM audit_log WHERE kind = 'AGENCY_FETCH' AND agency = 'police' AND case_id = $1 AND decision = 'ALLOWED' AND 'police.matches.record.warningMarkers.type' = ANY(fields) ORDER BY seq DESC LIMIT 1`,
      [caseIds.red],
    );
    expect(red[0].facts.released).toContain('POLICE_INTELLIGENCE');
    expect(red[0].facts.withheld).toEqual([]);
  });

  it('a policy with a narrower classificationAccess withholds accordingly: AMBER without health data', async () => {
    const narrow = structuredClone(DEFAULT_POLICY);
    narrow.version = `${DEFAULT_POLICY.version}-narrow-health`;
    const amber = narrow.classificationAccess.find((entry) => entry.rag.includes('AMBER'))!;
    amber.levels = amber.levels.filter((level) => level !== 'HEALTH_SPECIAL');
    await hubServices(federation.hub.dataSource).policies.proposeAndActivate(narrow, 'Classification test: narrower AMBER release', {
      proposer: 'gov-classification-1', checkers: ['gov-classification-2', 'gov-classification-3'],
    });
    const query = `query($id: ID!) { case(id: $id) { subjects { health { status matches { record { id gpRegistrationStatus openMentalHealthServices } } } } } }`;
    let body: any;
    // The gateway reads the active policy again within its cache time (5 s).
    for (let attempt = 0; attempt < 40; attempt += 1) {
      ({ body } = await federation.query(query, { id: caseIds.amber }, triage));
      if (isaDenied(body).some((error: any) => error.extensions.policyVersion === narrow.version)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const record = body.data.case.subjects[0].health.matches[0].record;
    expect(record).toEqual({ id: expect.any(String), gpRegistrationStatus: expect.any(String), openMentalHealthServices: null });
    expect(isaDenied(body)).toEqual([
      expect.objectContaining({
        path: ['case', 'subjects', 0, 'health', 'matches', 0, 'record', 'openMentalHealthServices'],
        extensions: expect.objectContaining({ rule: 'classification-not-released', level: 'HEALTH_SPECIAL', policyVersion: narrow.version }),
      }),
    ]);
  });
});
