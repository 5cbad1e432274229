import type { Page } from 'playwright-core';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { axeViolations, browserSuite, screenshot, settled, startBrowserStack, type BrowserStack } from './support';

const HOUR = 3_600_000;
const MANAGER = { userId: 'queue-test-manager', roles: ['mash-manager'] };
/** The subject the demo sign-in gives a triage user. */
const TRIAGE_USER = 'demo-mash-triage';

interface ApiCase {
  id: string;
  reference: string;
  rag: string | null;
  dueBy: string;
  overdue: boolean;
}

/** The queue's rows as shown: reference, rating words, due time (from <time datetime>), overdue marker, assignee. */
async function rows(page: Page) {
  await page.getByRole('table').waitFor();
  return page.getByTestId('queue-row').evaluateAll((trs) =>
    trs.map((tr) => ({
      reference: tr.querySelector('th a')!.textContent,
      rag: tr.querySelector('.govuk-tag')!.textContent,
      due: tr.querySelector('td time')!.getAttribute('datetime')!,
      overdue: tr.querySelector('[data-testid="overdue"]') !== null,
      assignee: tr.querySelectorAll('td')[5].textContent,
    })),
  );
}

/** The references shown, read until they are the expected page's (or the wait runs out). */
async function references(page: Page, expected: ApiCase[]): Promise<string[]> {
  const wanted = expected.map((item) => item.reference).join(' ');
  return settled(async () => (await rows(page)).map((row) => row.reference ?? ''), (shown) => shown.join(' ') === wanted);
}

// Signing in and the queue share one stack (the whole product and a browser, about 12 s to start):
// the sign-in tests change nothing on the server, so the queue's figures are unaffected.
browserSuite('the screens in demo mode: signing in, and the triage queue', () => {
  let stack: BrowserStack;
  let token: string;
  const api = async (filters: string): Promise<ApiCase[]> => {
    const { body } = await stack.federation.query(`{ cases(${filters}) { id reference rag dueBy overdue } }`, {}, token);
    expect(body.errors).toBeUndefined();
    return body.data.cases;
  };

  beforeAll(async () => {
    stack = await startBrowserStack();
    token = await stack.federation.token({ role: 'mash-triage' });
    // Two referrals received in the past (the API stamps the present; the register takes a time): overdue by now.
    const register = hubServices(stack.federation.hub.dataSource).cases;
    const referral = (familyName: string, rag: string) => ({
      referrerName: 'School DSL', referralSource: '2A', concern: 'Queue test concern', pathway: 'CHILDREN', consentStatus: 'NOT_SOUGHT', consentEarlyHelpSharing: false,
      rag, ragRationale: 'Queue test rating', subjects: [{ householdRole: 'CHILD', givenName: 'Queue', familyName, dateOfBirth: '2014-02-03' }],
    }) as never;
    const red = await register.receiveReferral(referral('Overduered', 'RED'), MANAGER, new Date(Date.now() - 5 * HOUR));
    await register.receiveReferral(referral('Overduegreen', 'GREEN'), MANAGER, new Date(Date.now() - 30 * 24 * HOUR));
    await register.assignCase({ caseId: red.id, assigneeId: TRIAGE_USER }, MANAGER);
  });
  afterAll(() => stack?.stop());

  describe('signing in', () => {
    it('serves the app under a strict Content-Security-Policy, with no inline script allowed', async () => {
      const response = await fetch(`${stack.origin}/app/queue`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(await response.text()).toContain('<div id="root">');
      const config = await (await fetch(`${stack.origin}/app/config.json`)).json();
      expect(config).toMatchObject({ mode: 'demo', roles: ['mash-triage', 'mash-manager', 'governance', 'agency-admin'] });
    });

    it('refuses an unknown role at /app/dev-login with the field named', async () => {
      const response = await fetch(`${stack.origin}/app/dev-login?role=root`, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    });

    it('offers the four roles on the sign-in page, signs in as triage and lands on the queue', async () => {
      const { page } = await stack.page(null);
      await page.goto('/app/');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      for (const role of ['mash-triage', 'mash-manager', 'governance', 'agency-admin']) await page.getByRole('link', { name: `Sign in as ${role}` }).waitFor();
      expect(await axeViolations(page, 'sign-in')).toEqual([]);
      await screenshot(page, 'sign-in');
      await page.getByRole('link', { name: 'Sign in as mash-triage' }).click();
      await page.getByRole('heading', { name: 'Triage queue', level: 1 }).waitFor();
      expect(page.url()).toBe(`${stack.origin}/app/queue`);
      // The token left the address bar as soon as the app took it.
      expect(page.url()).not.toContain('access_token');
      await page.getByTestId('signed-in-as').getByText('mash-triage').waitFor();
    });

    it('sends a signed-out visitor to sign in, and back to the page they asked for afterwards', async () => {
      const { page } = await stack.page(null);
      await page.goto('/app/referrals/new');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByRole('link', { name: 'Sign in as mash-triage' }).click();
      await page.waitForURL(`${stack.origin}/app/referrals/new`);
    });

    it('signs out: the token is gone and the screens ask to sign in again', async () => {
      const { page } = await stack.page('mash-triage');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
      expect(await page.evaluate('sessionStorage.getItem("mash.session")')).toBeNull();
      await page.goto('/app/queue');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    });
  });

  describe('the triage queue', () => {
    it('lists open cases soonest due first, with rating words and the overdue marker where the API says overdue', async () => {
      const { page } = await stack.page('mash-triage');
      await page.goto('/app/queue');
      await page.getByRole('heading', { name: 'Triage queue', level: 1 }).waitFor();
      const shown = await rows(page);
      const expected = await api('status: OPEN, limit: 25');
      expect(shown.map((row) => row.reference)).toEqual(expected.map((item) => item.reference));
      const dues = shown.map((row) => Date.parse(row.due));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      for (const [index, row] of shown.entries()) {
        expect(row.rag).toBe(expected[index].rag ?? 'Not rated');
        expect(row.overdue).toBe(expected[index].overdue);
      }
      expect(shown.filter((row) => row.overdue)).toHaveLength(2);
      expect(shown.map((row) => row.rag)).toContain('Not rated');
      await page.getByTestId('queue-summary').getByText('2 cases matching these filters are overdue.').waitFor();
      await page.getByRole('main').getByRole('button', { name: 'New referral' }).waitFor();
      expect(await axeViolations(page, 'queue')).toEqual([]);
      await screenshot(page, 'queue');
    });

    it('filters by rating through the address (Back undoes it), and by "assigned to me"', async () => {
      const { page } = await stack.page('mash-triage');
      await page.goto('/app/queue');
      await rows(page);
      await page.getByRole('checkbox', { name: 'Red' }).check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/\/app\/queue\?rag=RED$/);
      const redCount = (await api('status: OPEN, rag: [RED], limit: 25')).length;
      const red = await settled(() => rows(page), (shown) => shown.length === redCount && shown.every((row) => row.rag === 'RED'));
      expect(red.length).toBe(redCount);
      expect(red.length).toBeGreaterThan(0);
      expect(red.every((row) => row.rag === 'RED')).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Red' }).isChecked()).toBe(true);

      await page.goBack();
      await page.waitForURL(/\/app\/queue$/);
      expect(await page.getByRole('checkbox', { name: 'Red' }).isChecked()).toBe(false);
      const unfiltered = await settled(() => rows(page), (shown) => shown.some((row) => row.rag !== 'RED'));
      expect(unfiltered.some((row) => row.rag !== 'RED')).toBe(true);

      // "Assigned to me" and an assignee together are refused at the field before asking.
      await page.getByLabel('Assigned to', { exact: true }).fill('someone-else');
      await page.getByRole('checkbox', { name: 'Assigned to me' }).check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: /not both/ }).click();
      expect(await page.evaluate('document.activeElement?.id')).toBe('filter-mine');
      expect(await page.getByRole('checkbox', { name: 'Assigned to me' }).getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toMatch(/\/app\/queue$/);
      await page.getByLabel('Assigned to', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/mine=yes/);
      const mine = await settled(() => rows(page), (shown) => shown.length === 1 && shown[0].assignee === 'You');
      expect(mine.map((row) => row.assignee)).toEqual(['You']);
      expect(mine[0].rag).toBe('RED');
    });

    it('pages with Next and Previous, a page size from the address, and says when nothing matches', async () => {
      const { page } = await stack.page('mash-triage');
      const all = await api('status: OPEN, limit: 200');
      expect(all.length).toBeGreaterThan(3);
      await page.goto('/app/queue?limit=3');
      expect(await references(page, all.slice(0, 3))).toEqual(all.slice(0, 3).map((item) => item.reference));
      await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Next/ }).click();
      await page.waitForURL(/offset=3/);
      expect(page.url()).toContain('limit=3');
      expect(await references(page, all.slice(3, 6))).toEqual(all.slice(3, 6).map((item) => item.reference));
      await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Previous/ }).click();
      await page.waitForURL((url) => !url.search.includes('offset'));
      expect(await references(page, all.slice(0, 3))).toEqual(all.slice(0, 3).map((item) => item.reference));

      // The last page has no Next.
      await page.goto(`/app/queue?limit=3&offset=${Math.floor((all.length - 1) / 3) * 3}`);
      await rows(page);
      expect(await page.getByRole('link', { name: /Next/ }).count()).toBe(0);

      await page.goto('/app/queue?status=CLOSED');
      await page.getByTestId('queue-empty').getByText('No cases match these filters.').waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
    });
  });
});
