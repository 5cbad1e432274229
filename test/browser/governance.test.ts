import type { Locator, Page } from 'playwright-core';
import { axeViolations, browserSuite, screenshot, settled, startBrowserStack, type BrowserStack } from './support';

// The governance console (issue 14 item 6) in a real browser against the whole product: what it
// shows is checked against what the public API answers, and no subject's name ever reaches it.
const CASES = '{ cases { id reference rag subjects { givenName familyName dateOfBirth } } }';
const VIEW = 'query($id: ID!) { case(id: $id) { subjects { police { status } health { status } } } }';
const POLICY = '{ isaPolicy { version document } }';
const PROPOSE = 'mutation($document: String!, $reason: String!) { proposeIsaPolicy(document: $document, reason: $reason) { version widening } }';
const MATRIX = `query { accessMatrix(rag: [RED], caseStatus: [OPEN]) { role agency allowed rule levels { level allowed } } }`;
const ALERTS = 'query { governanceAlerts(kind: REPEATED_DENIALS, first: 50) { alerts { id userId status note } } }';
const AGENCY_LABELS: Record<string, string> = { police: 'Police', 'social-care': 'Social care', health: 'Health', education: 'Education' };
const DENIED_USER = 'triage-refused-often';
const TRIAGE_USER = 'triage-console-test';
const WHO_HAS_SEEN = `query($person: PersonIdentifiersInput!) { whoHasSeen(person: $person) {
  subjects { subjectId caseReference } accesses { seq userId kind caseReference confirmation } agencies { agency available }
} }`;
const ACTIVITY = `query($from: String!, $to: String!) { userActivity(from: $from, to: $to) { users {
  userId accesses agencyFetchesAllowed agencyFetchesDenied caseReads cases subjects outsideWorkingHours
} } }`;

browserSuite('the governance console', () => {
  let stack: BrowserStack;
  let page: Page;
  let governance: string;
  let names: string[];
  let red: { id: string; reference: string; subjects: { givenName: string | null; familyName: string; dateOfBirth: string | null }[] };
  let started: Date;
  const consoleMessages: string[] = [];
  let draft: { version: string; widening: string[] };

  const api = async (query: string, variables: Record<string, unknown>, token: string) => {
    const { body } = await stack.federation.query(query, variables, token);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  /** Nothing on the page names a subject of the demo cases (given or family name, as a whole word), but for names the user typed. */
  async function expectNoNames(typed: string[] = []): Promise<void> {
    const content = await page.content();
    const found = names.filter((name) => !typed.includes(name)).filter((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(content));
    expect(found).toEqual([]);
  }

  async function expectAccessible(screen: string): Promise<void> {
    expect(await axeViolations(page, screen)).toEqual([]);
    await expectNoNames();
  }

  beforeAll(async () => {
    started = new Date(Date.now() - 60_000);
    stack = await startBrowserStack();
    const triage = await stack.federation.token({ role: 'mash-triage', sub: TRIAGE_USER });
    governance = await stack.federation.token({ role: 'governance', sub: 'governance-console-test' });
    const { cases } = await api(CASES, {}, triage);
    names = [...new Set<string>(cases.flatMap((item: any) => item.subjects.flatMap((subject: any) => [subject.givenName, subject.familyName])))];
    expect(names.length).toBeGreaterThan(3);
    red = cases.find((item: any) => item.rag === 'RED');
    const green = cases.find((item: any) => item.rag === 'GREEN');
    // Entries to review: a RED case's agency data fetched (allowed), and a GREEN case's refused
    // five times by one user, which the default alert rules call REPEATED_DENIALS.
    await api(VIEW, { id: red.id }, triage);
    const refused = await stack.federation.token({ role: 'mash-triage', sub: DENIED_USER });
    for (let i = 0; i < 5; i += 1) expect((await stack.federation.query(VIEW, { id: green.id }, refused)).body.errors[0].extensions.code).toBe('ISA_DENIED');
    // A draft that widens sharing (a longer closed-case window), to compare with the version in force.
    const { isaPolicy } = await api(POLICY, {}, governance);
    const document = { ...JSON.parse(isaPolicy.document), version: 'browser-test.1', closedCaseWindowHours: 96 };
    draft = (await api(PROPOSE, { document: JSON.stringify(document), reason: 'Browser test: a wider window to compare' }, governance)).proposeIsaPolicy;
    expect(draft.widening.length).toBeGreaterThan(0);
    ({ page } = await stack.page('governance'));
    page.on('console', (message) => consoleMessages.push(message.text()));
  }, 180_000);
  afterAll(() => stack?.stop());

  it('shows the agreement in force with its rules, every version, and compares a draft that widens sharing', async () => {
    await page.getByRole('heading', { name: 'Information-sharing agreement', level: 1 }).waitFor();
    expect(page.url()).toBe(`${stack.origin}/app/governance`);
    const { isaPolicy } = await api(POLICY, {}, governance);
    await page.getByRole('heading', { name: `Version ${isaPolicy.version}` }).waitFor();
    const rules = page.getByRole('table', { name: /Rules, in the order they are tried/ });
    const firstRule = JSON.parse(isaPolicy.document).rules[0];
    await rules.getByRole('row').filter({ has: page.getByRole('rowheader', { name: firstRule.id, exact: true }) }).getByText('Deny').waitFor();
    const versions = page.getByRole('table', { name: /Every version of the agreement/ });
    await versions.getByRole('row', { name: new RegExp(`^${isaPolicy.version.replace(/\./g, '\\.')}`) }).getByText('Active').waitFor();
    const draftRow = versions.getByRole('row', { name: /^browser-test\.1/ });
    await draftRow.getByText('Draft').waitFor();
    await draftRow.getByText('Widens sharing').waitFor();
    await page.getByRole('navigation', { name: 'Governance console' }).getByRole('link', { name: 'Agreement in force' }).waitFor();
    await expectAccessible('governance-policy');
    await screenshot(page, 'governance-console');

    await draftRow.getByRole('link', { name: /Compare version browser-test\.1 with the version in force/ }).click();
    await page.getByRole('heading', { name: 'Compare versions', level: 1 }).waitFor();
    expect(await page.getByLabel('Compare from').inputValue()).toBe(isaPolicy.version);
    expect(await page.getByLabel('Compare to').inputValue()).toBe('browser-test.1');
    const widening = page.getByRole('region', { name: `Version browser-test.1 widens sharing compared with ${isaPolicy.version}` });
    for (const sentence of draft.widening) await widening.getByText(sentence).waitFor();
    await page.getByRole('table', { name: /Other sections/ }).getByRole('rowheader', { name: '/closedCaseWindowHours' }).waitFor();
    await expectAccessible('governance-diff');
    await screenshot(page, 'governance-diff');
  });

  it('shows the access matrix for RED open cases as the API answers it: triage shares, governance never sees content', async () => {
    const { accessMatrix } = await api(MATRIX, {}, governance);
    expect(accessMatrix.some((row: any) => row.role === 'mash-triage' && row.allowed)).toBe(true);
    expect(accessMatrix.filter((row: any) => row.role === 'governance').every((row: any) => !row.allowed)).toBe(true);

    await page.getByRole('navigation', { name: 'Governance console' }).getByRole('link', { name: 'Access matrix' }).click();
    await page.getByRole('heading', { name: 'Access matrix', level: 1 }).waitFor();
    await page.getByLabel('Rating').selectOption('RED');
    await page.getByLabel('Case status').selectOption('OPEN');
    await page.getByRole('button', { name: 'Show the matrix' }).click();
    const table = page.getByRole('table', { name: 'Agency data for a case rated RED, open, under the version in force' });
    const columns = await table.getByRole('columnheader').allInnerTexts();
    const cell = (within: Locator, header: string, agency: string) =>
      within.getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) }).getByRole('cell').nth(columns.indexOf(AGENCY_LABELS[agency]) - 1);
    for (const row of accessMatrix) {
      const text = await cell(table, row.role, row.agency).innerText();
      expect(text.startsWith(row.allowed ? 'Shared' : 'Not shared')).toBe(true);
      expect(text).toContain(row.rule);
    }
    // Levels for triage: released or withheld as the API says (police intelligence yes, restricted no, for RED).
    const levels = page.getByRole('table', { name: 'Sensitivity levels released to mash-triage' });
    for (const row of accessMatrix.filter((item: any) => item.role === 'mash-triage')) {
      for (const level of row.levels) {
        const label = level.level.charAt(0) + level.level.slice(1).toLowerCase().replace(/_/g, ' ');
        expect((await cell(levels, label, row.agency).innerText()).startsWith(level.allowed ? 'Released' : 'Withheld')).toBe(true);
      }
    }
    await page.getByText(/No agency releases any level to .*governance/).waitFor();
    await expectAccessible('governance-matrix');
    await screenshot(page, 'governance-matrix');
  });

  it('lists the access log, filters it by decision, pages through it, and shows a bad period at its field', async () => {
    await page.goto('/app/governance/access-log');
    const table = page.getByRole('table', { name: /Entries, newest first \(page 1\)/ });
    await table.waitFor();
    const fetched = table.getByRole('row').filter({ hasText: red.reference }).filter({ hasText: 'Agency fetch' });
    await fetched.getByText('Allowed').first().waitFor();
    await fetched.getByText('triage-console-test').first().waitFor();
    await expectAccessible('governance-access-log');
    await screenshot(page, 'governance-access-log');

    await page.getByLabel('Decision').selectOption('DENIED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/decision=DENIED/);
    // Until the filtered answer replaces the whole log (the unfiltered page has denied rows too).
    const decisions = await settled(() => table.locator('tbody tr td:nth-child(4)').allInnerTexts(), (shown) => shown.length > 0 && shown.every((text) => text === 'Denied'));
    expect(decisions.length).toBeGreaterThan(0);
    expect(new Set(decisions)).toEqual(new Set(['Denied']));
    await expectNoNames();

    // Paging through everything (each read of the log adds an entry, so there is always a second page by now).
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByRole('link', { name: /Next page/ }).click();
    await page.getByRole('table', { name: /Entries, newest first \(page 2\)/ }).waitFor();
    await page.getByRole('link', { name: /Previous page/ }).click();
    await page.getByRole('table', { name: /Entries, newest first \(page 1\)/ }).waitFor();

    await page.getByLabel('From', { exact: true }).fill('last tuesday');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /^From is not a date or timestamp/ }).waitFor();
    expect(await page.getByLabel('From', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.locator('#log-from-error').getByText(/From is not a date or timestamp/).waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible('governance-access-log-error');
  });

  it('checks the chain: intact, with the entries checked and the head hash, and checks again', async () => {
    await page.getByRole('navigation', { name: 'Governance console' }).getByRole('link', { name: 'Chain check' }).click();
    await page.getByRole('heading', { name: 'The chain is intact' }).waitFor();
    const entries = page.locator('.govuk-summary-list__row').filter({ has: page.getByRole('term').filter({ hasText: 'Entries checked' }) }).getByRole('definition');
    const counted = async () => Number((await entries.innerText()).replace(/,/g, ''));
    const before = await counted();
    expect(before).toBeGreaterThan(10);
    await page.getByText(/^[0-9a-f]{64}$/).waitFor();
    await expectAccessible('governance-chain');
    await screenshot(page, 'governance-chain');
    await page.getByRole('button', { name: 'Check again' }).click();
    // The first check is itself an entry, so the second counts more.
    for (let tries = 0; tries < 50 && (await counted()) <= before; tries += 1) await page.waitForTimeout(100);
    expect(await counted()).toBeGreaterThan(before);
    await page.getByRole('heading', { name: 'The chain is intact' }).waitFor();
  });

  it('scans for alerts, refuses an acknowledgement without a note at the field, then acknowledges one', async () => {
    await page.getByRole('navigation', { name: 'Governance console' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Governance alerts', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Scan now' }).click();
    await page.getByText(/^Scan complete: \d+ new alerts?$|^Another gateway was scanning/).waitFor();
    const card = page.locator('.govuk-summary-card').filter({ hasText: `User ${DENIED_USER}` }).filter({ hasText: 'Repeated denials' });
    await card.waitFor();
    await expectAccessible('governance-alerts');
    await screenshot(page, 'governance-alerts');

    await card.getByRole('button', { name: /^Acknowledge the repeated denials alert/ }).click();
    const note = page.getByLabel('Your note');
    await page.getByRole('button', { name: 'Save acknowledgement' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: /^Your note is required/ }).waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible('governance-alerts-error');
    await screenshot(page, 'governance-alerts-error');

    await note.fill('Looked at the refusals: the user was asked to check a GREEN case by mistake; no further action.');
    await page.getByRole('button', { name: 'Save acknowledgement' }).click();
    await page.getByText('Alert acknowledged').waitFor();
    await card.waitFor({ state: 'detached' });
    const { governanceAlerts } = await api(ALERTS, {}, governance);
    expect(governanceAlerts.alerts.find((alert: any) => alert.userId === DENIED_USER)).toMatchObject({ status: 'ACKNOWLEDGED', note: expect.stringMatching(/^Looked at the refusals/) });

    await page.getByLabel('Status').selectOption('ACKNOWLEDGED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('.govuk-summary-card').filter({ hasText: `User ${DENIED_USER}` }).getByText(/Looked at the refusals/).waitFor();
    await expectNoNames();
  });

  it("finds who has seen a RED case's subject: their records, the triage user's accesses with each agency's confirmation, and a bad NHS number at its field", async () => {
    const subject = red.subjects[0];
    expect(subject.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [year, month, day] = subject.dateOfBirth!.split('-');
    await page.getByRole('navigation', { name: 'Governance console' }).getByRole('link', { name: 'Who has seen this person' }).click();
    await page.getByRole('heading', { name: 'Who has seen this person', level: 1 }).waitFor();
    await page.getByText('Your search is itself recorded in the access log').waitFor();

    // A mistyped NHS number: said at the field as it is left, then in the summary on searching; nothing is asked.
    const nhs = page.getByLabel('NHS number (optional)');
    await nhs.fill('943 476 5918');
    await page.getByLabel('Given name (optional)').focus();
    await page.locator('#who-nhsNumber-error').getByText(/The NHS number fails the Modulus 11 check digit/).waitFor();
    expect(await nhs.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Find who has seen them' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: /^The NHS number fails/ }).waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByRole('heading', { name: 'What the hub found' }).count()).toBe(0);
    await expectAccessible('governance-who-has-seen-error');

    await nhs.fill('');
    if (subject.givenName) await page.getByLabel('Given name (optional)').fill(subject.givenName);
    await page.getByLabel('Family name (optional with an NHS number)').fill(subject.familyName);
    await page.getByLabel('Day').fill(String(Number(day)));
    await page.getByLabel('Month').fill(String(Number(month)));
    await page.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Find who has seen them' }).click();
    await page.getByRole('heading', { name: 'What the hub found', level: 2 }).waitFor();
    expect(await page.title()).not.toMatch(/^Error: /);

    const person = { givenName: subject.givenName, familyName: subject.familyName, dateOfBirth: subject.dateOfBirth };
    const { whoHasSeen } = await api(WHO_HAS_SEEN, { person }, governance);
    expect(whoHasSeen.subjects.map((found: any) => found.caseReference)).toContain(red.reference);
    const records = page.getByRole('table', { name: /^Records of the person in the hub/ });
    for (const found of whoHasSeen.subjects) await records.getByRole('row').filter({ hasText: found.subjectId }).getByRole('rowheader', { name: found.caseReference }).waitFor();

    const seen = whoHasSeen.accesses.filter((access: any) => access.userId === TRIAGE_USER);
    expect(seen.some((access: any) => access.kind === 'AGENCY_FETCH' && access.caseReference === red.reference)).toBe(true);
    const accesses = page.getByRole('table', { name: /^Accesses in the hub's access log/ });
    expect(await accesses.getByRole('row').filter({ hasText: TRIAGE_USER }).count()).toBe(seen.length);
    for (const access of seen) {
      const text = await accesses.getByRole('row').filter({ hasText: new RegExp(`Entry ${access.seq}(?!\\d)`) }).innerText();
      expect(text).toContain(access.caseReference);
      expect(text.includes("Confirmed by the agency's log")).toBe(access.confirmation === 'CONFIRMED');
    }
    const logs = page.getByRole('table', { name: "Each agency's disclosure log" });
    for (const log of whoHasSeen.agencies) {
      const row = logs.getByRole('row').filter({ has: page.getByRole('rowheader', { name: AGENCY_LABELS[log.agency], exact: true }) });
      expect((await row.innerText()).includes('Could not be asked')).toBe(!log.available);
    }

    // What was typed is not repeated in any heading, the address or the console; nobody else's name appears.
    expect((await page.getByRole('heading').allInnerTexts()).join(' ')).not.toContain(subject.familyName);
    expect(page.url()).toBe(`${stack.origin}/app/governance/who-has-seen`);
    expect(consoleMessages.filter((message) => message.includes(subject.familyName) || message.includes(subject.dateOfBirth!))).toEqual([]);
    await expectNoNames([subject.givenName, subject.familyName].filter((name): name is string => name !== null));
    expect(await axeViolations(page, 'governance-who-has-seen')).toEqual([]);
    await screenshot(page, 'governance-who-has-seen');

    // What only the API checks comes back at its field: a subject id that is not one.
    await page.getByLabel("The hub's subject id").check();
    expect(await page.getByRole('heading', { name: 'What the hub found' }).count()).toBe(0);
    const subjectId = page.getByLabel('Subject id', { exact: true });
    await subjectId.fill('not-a-subject-id');
    await page.getByRole('button', { name: 'Find who has seen them' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: /^Subject id is not a subject id/ }).waitFor();
    expect(await subjectId.getAttribute('aria-invalid')).toBe('true');
  });

  it("lists each user's activity as the API counts it, refuses a period that ends before it starts at its field, and links to the user's access log", async () => {
    const from = started.toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    await page.getByRole('navigation', { name: 'Governance console' }).getByRole('link', { name: 'User activity' }).click();
    await page.getByRole('heading', { name: 'User activity', level: 1 }).waitFor();
    const fromInput = page.getByLabel('From', { exact: true });
    const toInput = page.getByLabel('To', { exact: true });

    await fromInput.fill(to);
    await toInput.fill(from);
    await page.getByRole('button', { name: 'Show activity' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: /^To must be later than from/ }).waitFor();
    expect(await toInput.getAttribute('aria-invalid')).toBe('true');
    await page.locator('#activity-to-error').getByText(/To must be later than from/).waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible('governance-activity-error');

    await fromInput.fill(from);
    await toInput.fill(to);
    await page.getByRole('button', { name: 'Show activity' }).click();
    const table = page.getByRole('table', { name: 'Activity by user, largest first by all accesses' });
    await table.waitFor();
    const { userActivity } = await api(ACTIVITY, { from, to }, governance);
    for (const userId of [TRIAGE_USER, DENIED_USER]) {
      const counted = userActivity.users.find((user: any) => user.userId === userId);
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${userId}`) }) });
      const cells = (await row.getByRole('cell').allInnerTexts()).slice(0, 7).map(Number);
      expect(cells).toEqual([counted.accesses, counted.agencyFetchesAllowed, counted.agencyFetchesDenied, counted.caseReads, counted.cases, counted.subjects, counted.outsideWorkingHours]);
    }
    expect(userActivity.users.find((user: any) => user.userId === DENIED_USER).agencyFetchesDenied).toBeGreaterThanOrEqual(5);
    await expectAccessible('governance-activity');
    await screenshot(page, 'governance-activity');

    await table.getByRole('link', { name: new RegExp(`^${TRIAGE_USER}`) }).click();
    await page.waitForURL(new RegExp(`/app/governance/access-log\\?userId=${TRIAGE_USER}&`));
    expect(await page.getByLabel('User id').inputValue()).toBe(TRIAGE_USER);
    const log = page.getByRole('table', { name: /Entries, newest first \(page 1\)/ });
    await log.waitFor();
    const users = await settled(() => log.locator('tbody tr td:nth-child(2)').allInnerTexts(), (shown) => shown.length > 0 && shown.every((user) => user.startsWith(TRIAGE_USER)));
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((user) => user.startsWith(TRIAGE_USER))).toBe(true);
  });

  it('tells a manager in words which parts are for governance only', async () => {
    const { page: manager } = await stack.page('mash-manager');
    await manager.goto('/app/governance');
    await manager.getByRole('heading', { name: /^Version / }).waitFor();
    await manager.getByText('Not available to your role').waitFor();
    await manager.getByText(/your role is mash-manager/).waitFor();
    await manager.goto('/app/governance/access-log');
    await manager.getByText('Not available to your role').waitFor();
    await manager.getByText(/accessReview is only for users with the governance role; your roles are: mash-manager/).waitFor();
    expect(await manager.getByRole('table').count()).toBe(0);
  });
});
