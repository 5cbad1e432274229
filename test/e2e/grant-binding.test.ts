import { AGENCIES, agencyFieldName, GRANT_REQUIRED_BODY, GrantIssuer, subjectDigests, tlsDispatcher, type AgencyName, type Dispatcher } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

/**
 * Issue 9 finding 2: a grant is bound to exactly the representations it was minted for, answered
 * once, and travels only over TLS (here mutual TLS, as a production MASH would run it). Each
 * refusal is checked at every agency, and none leaves a row in the agency's disclosure log.
 */
describe('grants bound to their content, single-use, over TLS, at every agency', () => {
  let federation: Federation;
  let triage: string;
  let gatewayClient: Dispatcher;
  let stranger: Dispatcher;
  let noClientCertificate: Dispatcher;
  /** Two subjects of the RED case as the hub holds them: id and every field the agencies require. */
  let people: Record<string, unknown>[];
  let red: string;

  const FIELDS = 'id givenName familyName dateOfBirth gender postcode nhsNumber upn pncId';
  const entities = (agency: AgencyName, representations: object[]) => ({
    query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { ${agencyFieldName(agency)} { status } } } }`,
    variables: { representations },
  });
  const mint = async (agency: AgencyName, representations: Record<string, unknown>[]) =>
    new GrantIssuer({ key: federation.grantKey }).mint({
      agency, caseId: 'case-binding', subjectIds: representations.map((r) => String(r.id)), purpose: 'MASH_TRIAGE', policyVersion: 'test',
      userId: 'triage-binding', obligations: [], subjectDigests: subjectDigests(representations),
    });
  const post = async (url: string, body: object, grant: string, dispatcher: Dispatcher | undefined) => {
    const response = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${grant}` }, body: JSON.stringify(body),
      ...(dispatcher ? { dispatcher } : {}),
    } as RequestInit);
    return { status: response.status, text: await response.text() };
  };
  const logged = async (agency: AgencyName, grantId: string) =>
    (await federation.agencies[agency].database.dataSource.query('SELECT count(*)::int AS n FROM disclosure_log WHERE grant_id = $1', [grantId]))[0].n as number;

  beforeAll(async () => {
    federation = await startFederation({ tls: { mutual: true } });
    const pki = federation.pki!;
    const ca = { path: pki.caFile, variable: 'ca' };
    gatewayClient = tlsDispatcher({ caFile: ca, certFile: { path: pki.clientCertFile, variable: 'cert' }, keyFile: { path: pki.clientKeyFile, variable: 'key' } })!;
    stranger = tlsDispatcher({ caFile: ca, certFile: { path: pki.strangerCertFile, variable: 'cert' }, keyFile: { path: pki.strangerKeyFile, variable: 'key' } })!;
    noClientCertificate = tlsDispatcher({ caFile: ca })!;
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-binding' });
    const { body } = await federation.query('{ cases(rag: RED) { id } }', {}, triage);
    red = body.data.cases[0].id;
    const view = await federation.query(`query($id: ID!) { case(id: $id) { subjects { ${FIELDS} } } }`, { id: red }, triage);
    people = view.body.data.case.subjects.slice(0, 2).map((subject: Record<string, unknown>) => ({ __typename: 'Subject', ...subject }));
  });
  afterAll(async () => {
    await Promise.all([gatewayClient, stranger, noClientCertificate].map((dispatcher) => dispatcher?.close()));
    await federation?.stop();
  });

  it('the gateway reaches every agency over mutual TLS (control)', async () => {
    for (const agency of AGENCIES) expect(federation.agencies[agency].url).toMatch(/^https:/);
    const query = 'query($id: ID!) { case(id: $id) { subjects { police { status } socialCare { status } health { status } education { status } } } }';
    const { body } = await federation.query(query, { id: red }, triage);
    expect(body.errors).toBeUndefined();
    for (const subject of body.data.case.subjects) for (const field of ['police', 'socialCare', 'health', 'education']) expect(subject[field].status).toBe('MATCHED');
  });

  it.each(AGENCIES)('%s answers a grant once; the replay is refused and logs nothing', async (agency) => {
    const grant = await mint(agency, [people[0]]);
    const first = await post(federation.agencies[agency].url, entities(agency, [people[0]]), grant.token, gatewayClient);
    expect(first.status).toBe(200);
    expect(first.text).toContain('"status":"MATCHED"');
    const replay = await post(federation.agencies[agency].url, entities(agency, [people[0]]), grant.token, gatewayClient);
    expect(replay).toEqual({ status: 401, text: GRANT_REQUIRED_BODY });
    expect(await logged(agency, grant.grantId)).toBe(1);
  });

  it.each(AGENCIES)("%s refuses a grant for one subject sent with another person's name and date of birth under its id, and logs nothing", async (agency) => {
    const [a, b] = people;
    const grant = await mint(agency, [a]);
    const swapped = { ...a, givenName: b.givenName, familyName: b.familyName, dateOfBirth: b.dateOfBirth };
    expect(swapped).not.toEqual(a);
    const response = await post(federation.agencies[agency].url, entities(agency, [swapped]), grant.token, gatewayClient);
    expect(response).toEqual({ status: 401, text: GRANT_REQUIRED_BODY });
    expect(await logged(agency, grant.grantId)).toBe(0);
  });

  it.each(AGENCIES)('%s refuses a valid grant over plain HTTP, or without the client certificate its CA signed, and logs nothing', async (agency) => {
    const grant = await mint(agency, [people[0]]);
    const body = entities(agency, [people[0]]);
    const https = federation.agencies[agency].url;
    const requestsBefore = federation.agencies[agency].requests;
    // Plain HTTP to the TLS port fails at the handshake: the app never sees the request.
    await expect(post(https.replace(/^https:/, 'http:'), body, grant.token, undefined)).rejects.toThrow();
    await expect(post(https, body, grant.token, noClientCertificate)).rejects.toThrow();
    await expect(post(https, body, grant.token, stranger)).rejects.toThrow();
    expect(federation.agencies[agency].requests).toBe(requestsBefore);
    expect(await logged(agency, grant.grantId)).toBe(0);
    // The same grant, unused so far, is still good over mutual TLS.
    expect((await post(https, body, grant.token, gatewayClient)).status).toBe(200);
  });
});
