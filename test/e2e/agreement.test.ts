import fs from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { GrantIssuer, AGENCIES, jose, subjectDigests } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

const FIELDS = { police: 'police', 'social-care': 'socialCare', health: 'health', education: 'education' } as const;
const VIEW = Object.values(FIELDS).map((field) => `${field} { status flags { code severity } }`).join(' ');
const CASE = `query($id: ID!) { case(id: $id) { id rag status subjects { id ${VIEW} } } }`;

describe('the information-sharing agreement, end to end', () => {
  let federation: Federation;
  let triage: string;
  const ids: Record<string, string> = {};

  const requests = () => Object.fromEntries(AGENCIES.map((agency) => [agency, federation.agencies[agency].requests]));
  const auditRows = async (where: string, params: unknown[] = []) =>
    federation.hub.dataSource.query(`SELECT * FROM audit_log WHERE ${where} ORDER BY seq`, params);

  beforeAll(async () => {
    // A generous agency timeout: the concurrency test below runs 48 agency fetches at once through two
    // gateways, on embedded PGlite in `npm test`, where a slow shared machine must not read as an outage.
    federation = await startFederation({ agencyTimeoutMs: 20_000 });
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-7' });
    const { body } = await federation.query('{ cases { id rag reference } }', {}, triage);
    for (const item of body.data.cases) if (item.rag && !ids[item.rag]) ids[item.rag] = item.id;
  });
  afterAll(() => federation?.stop());

  it('denies every agency for a GREEN case without calling any of them, and audits each denial', async () => {
    const before = requests();
    const { body } = await federation.query(CASE, { id: ids.GREEN }, triage);
    expect(requests()).toEqual(before);
    const subjects = body.data.case.subjects;
    for (const subject of subjects) for (const field of Object.values(FIELDS)) expect(subject[field]).toBeNull();
    const denials = body.errors.filter((error: any) => error.extensions.code === 'ISA_DENIED');
    expect(denials).toHaveLength(subjects.length * AGENCIES.length);
    expect(denials[0].message).toMatch(/RED or AMBER.*GREEN.*rule green-no-agency-data/);
    const audited = await auditRows(`case_id = $1 AND kind = 'AGENCY_FETCH'`, [ids.GREEN]);
    expect(audited.map((row: any) => row.decision)).toEqual(AGENCIES.map(() => 'DENIED'));
    expect(new Set(audited.map((row: any) => row.agency))).toEqual(new Set(AGENCIES));
  });

  it.each(['RED', 'AMBER'])('shares agency data for a %s case under a grant, recorded by both sides', async (rag) => {
    const { body } = await federation.query(CASE, { id: ids[rag] }, triage);
    expect(body.errors).toBeUndefined();
    for (const subject of body.data.case.subjects) for (const field of Object.values(FIELDS)) expect(subject[field].status).toBe('MATCHED');
    const allowed = await auditRows(`case_id = $1 AND kind = 'AGENCY_FETCH' AND decision = 'ALLOWED'`, [ids[rag]]);
    expect(allowed.length).toBeGreaterThanOrEqual(AGENCIES.length);
    const grantId = allowed.find((row: any) => row.agency === 'health').grant_id;
    const disclosed = await federation.agencies.health.database.dataSource.query('SELECT * FROM disclosure_log WHERE grant_id = $1', [grantId]);
    expect(disclosed).toHaveLength(3);
    expect(disclosed[0]).toMatchObject({ case_id: ids[rag], user_id: 'triage-7', purpose: 'MASH_TRIAGE' });
  });

  it('denies a case closed longer ago than the policy window', async () => {
    const closed = await federation.query('mutation($input: ReferralInput!) { receiveReferral(input: $input) { id subjects { id } } }', {
      input: { referrerName: 'GP', concern: 'Old concern', rag: 'RED', ragRationale: 'test', subjects: [{ householdRole: 'CHILD', familyName: 'Okafor', dateOfBirth: '2015-01-01' }] },
    }, triage);
    const id = closed.body.data.receiveReferral.id;
    await federation.hub.dataSource.query(`UPDATE mash_case SET status = 'CLOSED', closed_at = now() - interval '100 hours', feedback_sent_at = now() - interval '100 hours' WHERE id = $1`, [id]);
    const { body } = await federation.query(CASE, { id }, triage);
    expect(body.data.case.subjects[0].police).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'ISA_DENIED', rule: 'closed-case-no-agency-data' });
  });

  it('refuses the wrong role: FORBIDDEN for cases, no agency content for governance', async () => {
    const admin = await federation.token({ role: 'agency-admin', agency: 'police' });
    const cases = await federation.query('{ cases { id } }', {}, admin);
    expect(cases.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // Governance reads cases pseudonymised: the people (and so their agency fields) are withheld
    // before any agency is asked; the ISA would deny the fetch anyway (decide.test.ts).
    const before = requests();
    const governance = await federation.token({ role: 'governance' });
    const view = await federation.query(CASE, { id: ids.RED }, governance);
    expect(view.body.data.case).toMatchObject({ id: ids.RED, rag: 'RED', subjects: null });
    expect(view.body.errors[0]).toMatchObject({ path: ['case', 'subjects'], extensions: { code: 'FORBIDDEN', rule: 'case-register-pseudonymised' } });
    expect(requests()).toEqual(before);
  });

  describe('user tokens', () => {
    const key = () => JSON.parse(fs.readFileSync(federation.keyFile, 'utf8'));
    const sign = async (claims: Record<string, unknown>, header: Record<string, unknown> = {}, tweak = (jwt: any) => jwt) => {
      const jwt = new jose.SignJWT({ roles: ['mash-triage'], ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: key().kid, ...header })
        .setSubject('attacker')
        .setIssuer('mash-demo-issuer')
        .setAudience('mash-gateway')
        .setIssuedAt()
        .setExpirationTime('5m');
      return tweak(jwt).sign(await jose.importJWK(key(), 'ES256'));
    };
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const expectRejected = async (token: string) => {
      const { status, body } = await federation.query('{ cases { id } }', {}, token);
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data).toBeUndefined();
    };

    it('accepts a good token (control)', async () => {
      const { status } = await federation.query('{ cases { id } }', {}, await sign({}));
      expect(status).toBe(200);
    });
    it('rejects alg none', () => expectRejected(`${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['mash-triage'], iss: 'mash-demo-issuer', aud: 'mash-gateway', exp: 9999999999 })}.`));
    it('rejects HMAC signed with the public key', async () => {
      const { d: _d, ...publicJwk } = key();
      const publicPem = createPublicKey({ key: publicJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      const token = await new jose.SignJWT({ roles: ['mash-triage'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x')
        .setIssuer('mash-demo-issuer').setAudience('mash-gateway').setExpirationTime('5m').sign(Buffer.from(publicPem));
      await expectRejected(token);
    });
    it('rejects an expired token', async () => expectRejected(await sign({}, {}, (jwt) => jwt.setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_600))));
    it('rejects the wrong audience', async () => expectRejected(await sign({}, {}, (jwt) => jwt.setAudience('someone-else'))));
    it('rejects the wrong issuer', async () => expectRejected(await sign({}, {}, (jwt) => jwt.setIssuer('https://evil.example'))));
    it('rejects a tampered payload', async () => {
      const [header, , signature] = (await sign({})).split('.');
      const payload = b64({ sub: 'attacker', roles: ['governance'], iss: 'mash-demo-issuer', aud: 'mash-gateway', exp: 9999999999 });
      await expectRejected(`${header}.${payload}.${signature}`);
    });
  });

  describe('direct calls to an agency', () => {
    const people: Record<string, Record<string, unknown>> = {};
    const entities = (subjectId: string) => ({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Subject { health { status } } } }',
      variables: { r: [{ __typename: 'Subject', ...people[subjectId] }] },
    });
    const call = async (agency: 'health' | 'police', body: unknown, grant?: string) => {
      const response = await fetch(federation.agencies[agency].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(grant ? { authorization: `Bearer ${grant}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    };
    let redSubject: string;
    let otherSubject: string;
    beforeAll(async () => {
      const subjectsOf = async (id: string) => {
        const { body } = await federation.query('query($id: ID!) { case(id: $id) { subjects { id givenName familyName dateOfBirth gender postcode } } }', { id }, triage);
        for (const subject of body.data.case.subjects) people[subject.id] = subject;
        return body.data.case.subjects[0].id as string;
      };
      redSubject = await subjectsOf(ids.RED);
      otherSubject = await subjectsOf(ids.AMBER);
    });
    // As the gateway mints them: bound to the representations sent (entities() below) by their digests.
    const mint = (agency: 'health' | 'police', subjectIds: string[], ttlSeconds?: number) =>
      new GrantIssuer({ key: federation.grantKey }).mint(
        {
          agency, caseId: ids.RED, subjectIds, purpose: 'MASH_TRIAGE', policyVersion: 'test', userId: 'triage-7', obligations: [],
          subjectDigests: subjectDigests(subjectIds.map((id) => ({ __typename: 'Subject', ...people[id] }))),
        },
        { ttlSeconds },
      );

    it('answers a covered _entities request under a valid grant (control)', async () => {
      const { status, text } = await call('health', entities(redSubject), (await mint('health', [redSubject])).token);
      expect(status).toBe(200);
      expect(text).toContain('MATCHED');
    });

    it.each([
      ['no grant', async () => undefined, () => entities(redSubject)],
      ['a police grant sent to health', async () => (await mint('police', [redSubject])).token, () => entities(redSubject)],
      ["a grant for another case's subject", async () => (await mint('health', [redSubject])).token, () => entities(otherSubject)],
      ['a tampered grant', async () => { const [h, p, s] = (await mint('health', [redSubject])).token.split('.'); const claims = JSON.parse(Buffer.from(p, 'base64url').toString()); claims.subjects.push(otherSubject); return `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`; }, () => entities(otherSubject)],
      ['_service under a valid grant', async () => (await mint('health', [redSubject])).token, () => ({ query: '{ _service { sdl } }' })],
    ])('answers 401 revealing nothing for %s', async (_label, grant, body) => {
      const { status, text } = await call('health', body(), await grant());
      expect(status).toBe(401);
      expect(text).not.toMatch(/Okafor|Whitfield|MATCHED|NOT_KNOWN|sdl|Subject/);
    });

    it('answers 401 for an expired grant', async () => {
      const { token } = await mint('health', [redSubject], 1);
      await new Promise((resolve) => setTimeout(resolve, 7000));
      expect((await call('health', entities(redSubject), token)).status).toBe(401);
    });
  });

  it('shares a standard-risk DA incident only once consent for early help is recorded', async () => {
    const query = `query($id: ID!) { case(id: $id) { subjects { police { matches { record { domesticAbuseLast12Months { dashRiskLevel } } } } } } }`;
    const levels = async () => {
      const { body } = await federation.query(query, { id: ids.AMBER }, triage);
      expect(body.errors).toBeUndefined();
      return body.data.case.subjects.flatMap((subject: any) => subject.police.matches.flatMap((match: any) => match.record.domesticAbuseLast12Months.map((incident: any) => incident.dashRiskLevel)));
    };
    expect(await levels()).not.toContain('STANDARD');
    const consent = await federation.query(
      'mutation($input: ConsentInput!) { recordConsent(input: $input) { consentStatus consentEarlyHelpSharing } }',
      { input: { caseId: ids.AMBER, status: 'GIVEN', earlyHelpSharing: true, note: 'Mother consented for early help', givenBy: 'mother', method: 'VERBAL' } },
      triage,
    );
    expect(consent.body.errors).toBeUndefined();
    expect(await levels()).toContain('STANDARD');
  });

  it("lets an agency's administrator read that agency's disclosure log, and only that agency's", async () => {
    const policeAdmin = await federation.token({ role: 'agency-admin', agency: 'police', sub: 'police-it-1' });
    const own = await federation.query('{ policeDisclosures(limit: 5) { grantId caseId userId subjectId matchStatus recordIds } }', {}, policeAdmin);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.policeDisclosures.length).toBeGreaterThan(0);
    const healthAdmin = await federation.token({ role: 'agency-admin', agency: 'health' });
    const other = await federation.query('{ policeDisclosures(limit: 5) { grantId } }', {}, healthAdmin);
    expect(other.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('keeps a verifiable access log that governance can read', async () => {
    const governance = await federation.token({ role: 'governance' });
    const { body } = await federation.query('{ auditChain { ok entries } accessLog(limit: 5) { decision agency rule } }', {}, governance);
    expect(body.errors).toBeUndefined();
    expect(body.data.auditChain.ok).toBe(true);
    expect(body.data.auditChain.entries).toBeGreaterThan(10);
    const denied = await federation.query('{ auditChain { ok } }', {}, triage);
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('keeps one intact chain, one entry per agency fetch, with two gateways serving concurrently', async () => {
    const second = await federation.startAnotherGateway();
    try {
      const count = async () => Number((await federation.hub.dataSource.query(`SELECT count(*) AS n FROM audit_log WHERE kind = 'AGENCY_FETCH'`))[0].n);
      const before = await count();
      const queries = 12;
      const results = await Promise.all(
        Array.from({ length: queries }, (_, index) =>
          fetch(index % 2 ? second.url : federation.gateway.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${triage}` },
            body: JSON.stringify({ query: CASE, variables: { id: ids.RED } }),
          }).then((response) => response.json()),
        ),
      );
      // The codes, so a failure says what went wrong.
      expect(results.flatMap((result: any) => (result.errors ?? []).map((error: any) => error.extensions?.code ?? error.message))).toEqual([]);
      expect(await count()).toBe(before + queries * AGENCIES.length);
      const governance = await federation.token({ role: 'governance' });
      const { body } = await federation.query('{ auditChain { ok entries } }', {}, governance);
      expect(body.data.auditChain.ok).toBe(true);
    } finally {
      await second.stop();
    }
  });

  it('answers AGENCY_UNAVAILABLE for an agency that is down, and still returns the others', async () => {
    await federation.agencies.education.stop();
    const { body } = await federation.query(CASE, { id: ids.RED }, triage);
    const subject = body.data.case.subjects[0];
    expect(subject.education).toBeNull();
    expect(subject.police.status).toBe('MATCHED');
    expect(body.errors.some((error: any) => error.extensions.code === 'AGENCY_UNAVAILABLE')).toBe(true);
  });

  it('returns no agency data when the hub database is unreachable', async () => {
    const before = requests();
    await federation.hub.dataSource.destroy();
    const { body } = await federation.query(CASE, { id: ids.RED }, triage);
    expect(body.data?.case ?? null).toBeNull();
    expect(requests()).toEqual(before);
  });
});
