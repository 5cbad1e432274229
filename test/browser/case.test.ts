import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, screenshot, startBrowserStack, type BrowserStack } from './support';

/** The agencies as the case view names them, with each one's field on Subject. */
const AGENCIES = [
  ['police', 'Police'],
  ['socialCare', 'Social care'],
  ['health', 'Health'],
  ['education', 'Education'],
] as const;
const STATE_WORDS: Record<string, string> = { MATCHED: 'Known', NOT_KNOWN: 'Not known', AMBIGUOUS: 'Identity to confirm' };
const SEVERITY_WORDS: Record<string, string> = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green' };

const VIEW = AGENCIES.map(([field]) => `${field} { status flags { severity summary } matches { candidate { recordId } } }`).join(' ');
const CASE = `query($id: ID!) { case(id: $id) { reference subjects { id givenName familyName dateOfBirth ${VIEW} } } }`;

interface ApiSubject {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  [field: string]: any;
}

browserSuite('the case view', () => {
  let stack: BrowserStack;
  let triage: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startBrowserStack();
    triage = await stack.federation.token({ role: 'mash-triage' });
    for (const rag of ['RED', 'AMBER', 'GREEN']) {
      const { body } = await stack.federation.query(`{ cases(rag: [${rag}]) { id reference } }`, {}, triage);
      ids[rag] = body.data.cases[0].id;
    }
  });
  afterAll(() => stack?.stop());

  async function apiCase(id: string): Promise<{ reference: string; subjects: ApiSubject[]; errors: any[] }> {
    const { body } = await stack.federation.query(CASE, { id }, triage);
    return { ...body.data.case, errors: body.errors ?? [] };
  }

  async function open(id: string): Promise<Page> {
    const { page } = await stack.page('mash-triage');
    await page.goto(`/app/cases/${id}`);
    await page.getByRole('heading', { name: 'People and what the agencies hold', level: 2 }).waitFor();
    return page;
  }

  /** One agency's box for one subject: a region named by the agency and its state. */
  const agencyBox = (page: Page, subject: ApiSubject, agency: string) =>
    page.getByRole('region', { name: new RegExp(`^${subject.givenName} ${subject.familyName}`) }).getByRole('region', { name: new RegExp(`^${agency} `) });

  it('shows the RED case: each agency\'s state for every subject, and its flags with their severity, as the API answers', async () => {
    const red = await apiCase(ids.RED);
    const page = await open(ids.RED);
    await page.getByRole('heading', { name: red.reference, level: 1 }).waitFor();
    for (const subject of red.subjects) {
      for (const [field, name] of AGENCIES) {
        const box = agencyBox(page, subject, name);
        await expect(box.getByRole('heading', { level: 4 }).innerText()).resolves.toContain(STATE_WORDS[subject[field].status]);
        if (subject[field].status === 'MATCHED') await box.getByText(subject[field].matches[0].candidate.recordId, { exact: true }).waitFor();
      }
    }
    // A flag the API gives, in its agency's box with its severity in words; and in the subject's flags table.
    const [subject] = red.subjects;
    const [field, name] = AGENCIES.find(([key]) => (subject[key].flags ?? []).length > 0)!;
    const flag = subject[field].flags[0];
    const item = agencyBox(page, subject, name).getByRole('listitem').filter({ hasText: flag.summary });
    await expect(item.innerText()).resolves.toMatch(new RegExp(`^${SEVERITY_WORDS[flag.severity]}`));
    const table = page.getByRole('table', { name: `Flags for ${subject.givenName} ${subject.familyName}` });
    await expect(table.getByRole('row').filter({ hasText: flag.summary }).first().innerText()).resolves.toContain(SEVERITY_WORDS[flag.severity]);
    // Every box lists its flags most severe first.
    const lists = page.locator('.app-case-flags');
    expect(await lists.count()).toBeGreaterThan(0);
    for (const list of await lists.all()) {
      const ranks = (await list.locator('.govuk-tag').allInnerTexts()).map((word) => ['Red', 'Amber', 'Green'].indexOf(word));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(ranks).not.toContain(-1);
    }
    await page.getByRole('heading', { name: 'Cross-agency findings' }).waitFor();
    await page.getByRole('table', { name: /Risk matrix/ }).waitFor();
    expect(await axeViolations(page, 'case-red')).toEqual([]);
    await screenshot(page, 'case-red');
  });

  it('shows the GREEN case as "Not shared" with the rule\'s reason for every agency, and no agency data', async () => {
    const green = await apiCase(ids.GREEN);
    const denial = green.errors.find((error) => error.extensions.code === 'ISA_DENIED' && error.extensions.rule);
    expect(denial).toBeDefined();
    const page = await open(ids.GREEN);
    for (const subject of green.subjects) {
      for (const [field, name] of AGENCIES) {
        expect(subject[field]).toBeNull();
        const box = agencyBox(page, subject, name);
        await box.getByRole('heading', { name: `${name} Not shared` }).waitFor();
        await box.getByText(denial.message).waitFor();
        await box.locator('code', { hasText: denial.extensions.rule }).waitFor();
      }
    }
    // Nothing an agency holds is on the page: no flags, no record, no flags table.
    expect(await page.locator('.app-case-flags').count()).toBe(0);
    expect(await page.locator('.app-case-record').count()).toBe(0);
    expect(await page.getByRole('table', { name: /^Flags for/ }).count()).toBe(0);
    expect(await page.getByText('Flags not shared.').count()).toBe(0);
    expect(await axeViolations(page, 'case-green')).toEqual([]);
    await screenshot(page, 'case-green');
  });

  it('rates a case: an empty rationale is refused at its field, then the new rating is in the history', async () => {
    const page = await open(ids.AMBER);
    const ratingsBefore = await page.getByRole('table', { name: 'Ratings, oldest first' }).getByRole('row').count();
    const form = page.getByRole('region', { name: 'Re-rate the case' });
    await form.getByLabel('Amber').check();
    await form.getByRole('button', { name: 'Save rating' }).click();
    // The API's BAD_USER_INPUT, at the field and in the error summary linking to it.
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await summary.getByRole('link', { name: 'Rationale is required' }).click();
    const rationale = form.getByLabel('Why this rating');
    expect(await rationale.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement?.id')).toBe(await rationale.getAttribute('id'));
    await form.locator('#rate-rationale-error').getByText('Rationale is required').waitFor();
    expect(await axeViolations(page, 'case-rate-error')).toEqual([]);
    await screenshot(page, 'case-rate-error');

    const why = `Browser test: attendance has fallen further (${Date.now()})`;
    await rationale.fill(why);
    await form.getByRole('button', { name: 'Save rating' }).click();
    await page.getByText('Case rated AMBER').waitFor();
    const history = page.getByRole('table', { name: 'Ratings, oldest first' });
    await history.getByRole('row').filter({ hasText: why }).waitFor();
    await expect(history.getByRole('row').last().innerText()).resolves.toContain(why);
    expect(await history.getByRole('row').count()).toBe(ratingsBefore + 1);
    expect(await rationale.getAttribute('aria-invalid')).toBeNull();
    expect(await rationale.inputValue()).toBe('');
  });

  it("works a case through the hub's day: assigned to me, decided, closed with the reason the referrer was not told", async () => {
    const { body } = await stack.federation.query('{ cases(rag: [AMBER]) { id } }', {}, triage);
    const id = body.data.cases[body.data.cases.length - 1].id;
    const page = await open(id);
    const assign = page.getByRole('region', { name: 'Assign the case' });
    await assign.getByRole('button', { name: 'Save assignment' }).click();
    await assign.getByRole('link', { name: 'Select who works the case' }).waitFor();
    await assign.getByLabel('Me', { exact: true }).check();
    await assign.getByRole('button', { name: 'Save assignment' }).click();
    await page.getByText('Case assigned to you').waitFor();
    await assign.getByText('Assigned now to you.').waitFor();

    const decision = page.getByRole('region', { name: 'Record the decision' });
    await decision.getByLabel('Early help').check();
    await decision.getByLabel('Why', { exact: true }).fill('Browser test: family agrees to early help');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded: early help').waitFor();

    // Not told, and no reason given: the API refuses at the field.
    const close = page.getByRole('region', { name: 'Close the case' });
    await close.getByRole('button', { name: 'Close case' }).click();
    await close.locator('.govuk-error-summary').getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await close.getByLabel('Why the referrer was not told').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page, 'case-close-error')).toEqual([]);
    await close.getByLabel('Why the referrer was not told').selectOption('REFERRER_UNREACHABLE');
    await close.getByRole('button', { name: 'Close case' }).click();
    await page.getByText('The case is closed: it can no longer be changed.').waitFor();
    const closed = await stack.federation.query('query($id: ID!) { case(id: $id) { status assigneeId decision feedbackWithheldReason } }', { id }, triage);
    expect(closed.body.data.case).toEqual({ status: 'CLOSED', assigneeId: 'demo-mash-triage', decision: 'EARLY_HELP', feedbackWithheldReason: 'REFERRER_UNREACHABLE' });
  });

  it('confirms which record is the person when an agency is unsure', async () => {
    // The RED case's first child referred again under a date of birth the agencies cannot match surely.
    const red = await apiCase(ids.RED);
    const child = red.subjects[0];
    const year = child.dateOfBirth.slice(0, 4);
    const dateOfBirth = child.dateOfBirth.slice(5, 7) === '01' ? `${year}-07-01` : `${year}-01-01`;
    const manager = await stack.federation.token({ role: 'mash-manager' });
    const { body } = await stack.federation.query('mutation($input: ReferralInput!) { receiveReferral(input: $input) { id } }', {
      input: { referrerName: 'School DSL', concern: 'Browser test of match decisions', rag: 'RED', ragRationale: 'test', subjects: [{ householdRole: 'CHILD', givenName: child.givenName, familyName: child.familyName, dateOfBirth }] },
    }, manager);
    const caseId = body.data.receiveReferral.id;
    const unsure = await apiCase(caseId);
    const subject = unsure.subjects[0];
    const [field, name] = AGENCIES.find(([key]) => subject[key]?.status === 'AMBIGUOUS')!;
    const recordId = subject[field].matches[0].candidate.recordId;

    const page = await open(caseId);
    const box = agencyBox(page, subject, name);
    await box.getByText('Identity to confirm').waitFor();
    const card = box.locator('.govuk-summary-card').filter({ hasText: recordId });
    await card.getByRole('button', { name: 'This is the person' }).click();
    await card.getByRole('link', { name: /rationale is required/i }).waitFor();
    expect(await card.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    await card.getByRole('textbox').fill('Same school and address as on the referral');
    await card.getByRole('button', { name: 'This is the person' }).click();
    await page.getByText(`${name} record ${recordId} confirmed`).waitFor();
    // From the next fetch the agency answers with that record.
    await agencyBox(page, subject, name).getByRole('heading', { name: /Known/ }).waitFor();
    await page.getByRole('table', { name: /^Match decisions for/ }).getByText('Confirmed').waitFor();
    expect(await axeViolations(page, 'case-match-confirmed')).toEqual([]);
  });

  it('says which agency did not answer, with a way to ask again', async () => {
    const red = await apiCase(ids.RED);
    await stack.federation.agencies.education.stop();
    const page = await open(ids.RED);
    const box = agencyBox(page, red.subjects[0], 'Education');
    await box.getByText('Education did not answer', { exact: true }).waitFor();
    // Trying again asks the hub (and so the agency) again.
    const asked = page.waitForResponse((response) => response.url().endsWith('/graphql'));
    await box.getByRole('button', { name: 'Try again' }).click();
    await asked;
    await box.getByText('Education did not answer', { exact: true }).waitFor();
    // The other agencies' answers still stand.
    await agencyBox(page, red.subjects[0], 'Police').getByRole('heading', { name: /Known/ }).waitFor();
    expect(await axeViolations(page, 'case-agency-down')).toEqual([]);
  });
});
