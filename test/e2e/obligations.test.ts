import { startFederation, type Federation } from '../support/federation';

/**
 * Issue 9 finding 3: an Operation Encompass notification is police domestic-abuse information held
 * by a school, so the ISA rule "standard-risk DA only with consent for early help" binds education
 * too. The gateway must send the obligation to every agency, and education then leaves them out.
 */
describe('the standard-risk domestic-abuse obligation reaches education, through the gateway', () => {
  let federation: Federation;
  let triage: string;
  let amber: string;

  const QUERY = `query($id: ID!) { case(id: $id) { subjects { id education { status flags { code }
    matches { record { operationEncompass { notificationsLast12Months latestReceivedOn } } } } } } }`;

  /** Per matched subject: OE notifications in the record, and whether the OE flag was raised. */
  const encompass = async () => {
    const { body } = await federation.query(QUERY, { id: amber }, triage);
    expect(body.errors).toBeUndefined();
    return body.data.case.subjects
      .filter((subject: any) => subject.education.status === 'MATCHED')
      .map((subject: any) => ({
        notifications: subject.education.matches[0].record.operationEncompass?.notificationsLast12Months ?? 0,
        flagged: subject.education.flags.some((flag: any) => flag.code === 'OPERATION_ENCOMPASS_12M'),
      }));
  };
  const obligationsLogged = async () =>
    (await federation.agencies.education.database.dataSource.query('SELECT DISTINCT obligations FROM disclosure_log WHERE case_id = $1', [amber]))
      .map((row: { obligations: string[] }) => row.obligations);

  beforeAll(async () => {
    federation = await startFederation();
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-oe' });
    const { body } = await federation.query('{ cases(rag: AMBER) { id } }', {}, triage);
    amber = body.data.cases[0].id;
  });
  afterAll(() => federation?.stop());

  it('omits STANDARD Operation Encompass notifications for a case without early-help consent, and shows them once consent is recorded', async () => {
    const without = await encompass();
    expect(without.length).toBeGreaterThan(0);
    expect(without.every((view: any) => view.notifications === 0 && !view.flagged)).toBe(true);
    expect(await obligationsLogged()).toEqual([['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']]);

    const consent = await federation.query(
      'mutation($input: ConsentInput!) { recordConsent(input: $input) { consentEarlyHelpSharing } }',
      { input: { caseId: amber, status: 'GIVEN', earlyHelpSharing: true, note: 'Parent consented for early help', givenBy: 'mother', method: 'VERBAL' } },
      triage,
    );
    expect(consent.body.errors).toBeUndefined();
    const withConsent = await encompass();
    expect(withConsent.some((view: any) => view.notifications > 0 && view.flagged)).toBe(true);
    expect(await obligationsLogged()).toEqual(expect.arrayContaining([[], ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']]));
  });
});
