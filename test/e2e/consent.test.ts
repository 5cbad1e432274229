import { startFederation, type Federation } from '../support/federation';

// Issue 9 part 4: a referral accepted consentStatus REFUSED with consentEarlyHelpSharing true, and
// consent given on receipt left no consent record.
const RECEIVE = `mutation($input: ReferralInput!) {
  receiveReferral(input: $input) { id consentStatus consentEarlyHelpSharing consentHistory { status earlyHelpSharing givenBy method givenAt recordedBy } }
}`;
const RECORD = 'mutation($input: ConsentInput!) { recordConsent(input: $input) { consentStatus consentHistory { status givenBy method } } }';

describe('consent that adds up', () => {
  let federation: Federation;
  let triage: string;
  const count = async (table: string) => Number((await federation.hub.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const referral = (consent: Record<string, unknown>) => ({
    referrerName: 'Health visitor',
    concern: 'Parent asks for early help with a toddler.',
    ...consent,
    subjects: [{ householdRole: 'CHILD', givenName: 'Ada', familyName: 'Quill', dateOfBirth: '2023-04-05' }],
  });

  beforeAll(async () => {
    federation = await startFederation({ people: 100 });
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-consent' });
  });
  afterAll(() => federation?.stop());

  it.each([
    ['REFUSED with early-help sharing', { consentStatus: 'REFUSED', consentEarlyHelpSharing: true }, 'consentEarlyHelpSharing'],
    ['NOT_SOUGHT with early-help sharing', { consentStatus: 'NOT_SOUGHT', consentEarlyHelpSharing: true }, 'consentEarlyHelpSharing'],
    ['OVERRIDDEN without a reason', { consentStatus: 'OVERRIDDEN' }, 'consentNote'],
    ['OVERRIDDEN with early-help sharing', { consentStatus: 'OVERRIDDEN', consentNote: 'Risk to the child', consentEarlyHelpSharing: true }, 'consentEarlyHelpSharing'],
    ['GIVEN without saying who gave it', { consentStatus: 'GIVEN', consentMethod: 'VERBAL' }, 'consentGivenBy'],
    ['GIVEN without saying how', { consentStatus: 'GIVEN', consentGivenBy: 'parent' }, 'consentMethod'],
    ['NOT_SOUGHT yet given by someone', { consentStatus: 'NOT_SOUGHT', consentGivenBy: 'parent' }, 'consentGivenBy'],
    ['GIVEN in the future', { consentStatus: 'GIVEN', consentGivenBy: 'parent', consentMethod: 'WRITTEN', consentGivenAt: '2999-01-01T00:00:00Z' }, 'consentGivenAt'],
  ])('refuses a referral with %s as BAD_USER_INPUT naming the field, writing nothing', async (_label, consent, field) => {
    const before = await Promise.all(['mash_case', 'consent_record', 'audit_log'].map(count));
    const { body } = await federation.query(RECEIVE, { input: referral(consent) }, triage);
    expect(body.data?.receiveReferral ?? null).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors[0].message).toContain(field);
    expect(await Promise.all(['mash_case', 'consent_record', 'audit_log'].map(count))).toEqual(before);
  });

  it('writes a consent record with who gave consent, how and when, on receipt', async () => {
    const givenAt = '2026-11-20T10:15:00.000Z';
    const { body } = await federation.query(
      RECEIVE,
      { input: referral({ consentStatus: 'GIVEN', consentEarlyHelpSharing: true, consentGivenBy: 'parent', consentMethod: 'VERBAL', consentGivenAt: givenAt }) },
      triage,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.receiveReferral).toMatchObject({
      consentStatus: 'GIVEN',
      consentEarlyHelpSharing: true,
      consentHistory: [{ status: 'GIVEN', earlyHelpSharing: true, givenBy: 'parent', method: 'VERBAL', givenAt, recordedBy: 'triage-consent' }],
    });
    const [entry] = await federation.hub.dataSource.query(`SELECT reason FROM audit_log WHERE case_id = $1 AND rule = 'RECEIVE_REFERRAL'`, [body.data.receiveReferral.id]);
    expect(entry.reason).toMatch(/consent=GIVEN earlyHelp=true consentRecord=[0-9a-f-]{36}/);
    expect(entry.reason).not.toContain('parent');
  });

  it('applies the same checks in recordConsent, and records a refusal with who refused', async () => {
    const received = await federation.query(RECEIVE, { input: referral({}) }, triage);
    const caseId = received.body.data.receiveReferral.id;
    expect(received.body.data.receiveReferral.consentHistory).toEqual([]);
    const before = await count('consent_record');
    const incoherent = await federation.query(RECORD, { input: { caseId, status: 'REFUSED', earlyHelpSharing: true } }, triage);
    expect(incoherent.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'earlyHelpSharing' });
    const unexplained = await federation.query(RECORD, { input: { caseId, status: 'OVERRIDDEN', earlyHelpSharing: false } }, triage);
    expect(unexplained.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(await count('consent_record')).toBe(before);

    const refused = await federation.query(RECORD, { input: { caseId, status: 'REFUSED', earlyHelpSharing: false, givenBy: 'mother', method: 'VERBAL' } }, triage);
    expect(refused.body.errors).toBeUndefined();
    expect(refused.body.data.recordConsent).toEqual({ consentStatus: 'REFUSED', consentHistory: [{ status: 'REFUSED', givenBy: 'mother', method: 'VERBAL' }] });
  });
});
