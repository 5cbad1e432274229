import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  DISCLOSURE_LOG_REVIEW,
  generateSigningKey,
  grantGuard,
  GRANT_REQUIRED_BODY,
  GRANT_UNRECORDED_BODY,
  subjectDigests,
  GrantIssuer,
  GrantVerifier,
  type GrantClaims,
  type SigningKey,
  type GrantLocals,
  type Logger,
} from '@mash/shared';

const ENTITIES = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { health { status } } } }';
const subject = (id: string) => ({ __typename: 'Subject', id, familyName: 'Okafor', dateOfBirth: '2015-03-14', nhsNumber: '9434765919' });
/** The guard mounted as an agency mounts it, in front of a handler that stands in for Apollo. */
const TRIAGE: Omit<GrantClaims, 'grantId'> = {
  agency: 'health',
  caseId: 'case-1',
  subjectIds: ['subject-1', 'subject-2'],
  purpose: 'MASH_TRIAGE',
  policyVersion: '2024-01',
  userId: 'user-7',
  obligations: [],
  subjectDigests: subjectDigests([subject('subject-1'), subject('subject-2')]),
};

let key: SigningKey;
let issuer: GrantIssuer;
let server: http.Server;
let url: string;
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  key = await generateSigningKey();
  issuer = new GrantIssuer({ key });
  const logger: Logger = { info: () => {}, error: () => {}, warn: (event, fields) => logged.push({ event, ...fields }) };
  const verifier = new GrantVerifier({ agency: 'health', issuer: 'mash-gateway', jwks: issuer.jwks() });
  const app = express();
  const answer = (_req: express.Request, res: express.Response<unknown, GrantLocals>) => {
    res.json({ data: { grantId: res.locals.grant.grantId } });
  };
  app.use('/graphql', express.json(), grantGuard({ verifier, disclosureQueryName: 'healthDisclosures', logger }), answer);
  // Mounted without TLS by mistake: must answer nothing.
  app.use('/tls-only', express.json(), grantGuard({ verifier, disclosureQueryName: 'healthDisclosures', logger, requireTls: true }), answer);
  const broken = { claim: () => Promise.reject(Object.assign(new Error('connection terminated'), { code: '57P01' })) };
  app.use('/broken-store', express.json(), grantGuard({ verifier, disclosureQueryName: 'healthDisclosures', logger, replay: broken }), answer);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function post(body: unknown, token?: string, path = '/graphql'): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url.replace('/graphql', path), { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

const mint = async (claims: Partial<Omit<GrantClaims, 'grantId'>> = {}, mintedBy = issuer) => (await mintedBy.mint({ ...TRIAGE, ...claims })).token;
const entities = (...ids: string[]) => ({ query: ENTITIES, variables: { representations: ids.map(subject) } });

test('a grant covering every representation gets through, with its claims for the resolvers', async () => {
  const { token, grantId } = await issuer.mint(TRIAGE);
  const response = await post(entities('subject-1', 'subject-2'), token);
  expect(response).toEqual({ status: 200, text: JSON.stringify({ data: { grantId } }) });
});

test('the disclosure query is open to a disclosure-review grant only', async () => {
  const review = await mint({ purpose: DISCLOSURE_LOG_REVIEW, subjectIds: [], subjectDigests: {} });
  expect((await post({ query: '{ log: healthDisclosures(limit: 5) { id } }' }, review)).status).toBe(200);
  expect((await post({ query: '{ healthDisclosures { id } }' }, await mint())).status).toBe(401);
  expect((await post(entities('subject-1'), await mint({ purpose: DISCLOSURE_LOG_REVIEW }))).status).toBe(401);
});

test('a grant is answered once: the same request again is refused', async () => {
  const { token, grantId } = await issuer.mint(TRIAGE);
  expect(await post(entities('subject-1', 'subject-2'), token)).toEqual({ status: 200, text: JSON.stringify({ data: { grantId } }) });
  expect(await post(entities('subject-1', 'subject-2'), token)).toEqual({ status: 401, text: GRANT_REQUIRED_BODY });
  expect(logged.at(-1)).toMatchObject({ reason: 'replayed', grantId });
});

test('a refused request does not use the grant up', async () => {
  const token = await mint();
  expect((await post(entities('subject-1', 'subject-9'), token)).status).toBe(401);
  expect((await post(entities('subject-1'), token)).status).toBe(200);
});

test('a grant that could not be recorded as used answers nothing: 503 AGENCY_UNAVAILABLE', async () => {
  expect(await post(entities('subject-1'), await mint(), '/broken-store')).toEqual({ status: 503, text: GRANT_UNRECORDED_BODY });
});

describe('every refusal is the same 401, whatever failed', () => {
  const refusals: Record<string, () => Promise<{ status: number; text: string }>> = {
    'no grant': async () => post(entities('subject-1')),
    'not a bearer token': async () => post(entities('subject-1'), 'x y'),
    'a grant for another agency': async () => post(entities('subject-1'), await mint({ agency: 'police' })),
    'an uncovered subject': async () => post(entities('subject-1', 'subject-9'), await mint()),
    "a covered id sent with another person's demographics": async () =>
      post({ query: ENTITIES, variables: { representations: [{ ...subject('subject-1'), familyName: 'Whitfield', dateOfBirth: '2012-01-09' }] } }, await mint()),
    'a grant without subject digests': async () => post(entities('subject-1'), await mint({ subjectDigests: undefined })),
    'plain HTTP where TLS is required': async () => post(entities('subject-1'), await mint(), '/tls-only'),
    'an expired grant': async () => {
      const past = new GrantIssuer({ key, now: () => Date.now() - 300_000 });
      return post(entities('subject-1'), await mint({}, past));
    },
    'a tampered grant': async () => {
      const [header, payload, signature] = (await mint()).split('.');
      const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), subjects: ['subject-9'] };
      return post(entities('subject-9'), [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.'));
    },
    '_service': async () => post({ query: '{ _service { sdl } }' }, await mint()),
    'an aliased _service beside _entities': async () =>
      post({ query: `${ENTITIES.slice(0, -1)} sdl: _service { sdl } }`, variables: entities('subject-1').variables }, await mint()),
    'introspection': async () => post({ query: '{ __schema { types { name } } }' }, await mint()),
    'a GET query string': async () => {
      const response = await fetch(`${url}?query=${encodeURIComponent('{ _service { sdl } }')}`, { headers: { authorization: `Bearer ${await mint()}` } });
      return { status: response.status, text: await response.text() };
    },
  };

  test.each(Object.keys(refusals))('%s', async (name) => {
    expect(await refusals[name]()).toEqual({ status: 401, text: GRANT_REQUIRED_BODY });
  });

  test('the body is the contract text, and the log has the reason but no subject ids', () => {
    expect(JSON.parse(GRANT_REQUIRED_BODY)).toEqual({
      errors: [{ message: 'A valid grant from the MASH gateway is required', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(logged.map((line) => line.reason)).toEqual(expect.arrayContaining(['missing', 'audience', 'uncovered', 'unbound', 'claims', 'insecure', 'expired', 'signature', 'scope']));
    expect(JSON.stringify(logged)).not.toMatch(/subject-\d/);
    expect(logged.find((line) => line.reason === 'uncovered')?.grantId).toEqual(expect.any(String));
  });
});
