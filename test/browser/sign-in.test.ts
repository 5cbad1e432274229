import { axeViolations, browserSuite, screenshot, startBrowserStack, type BrowserStack } from './support';

browserSuite('signing in to the screens (demo mode)', () => {
  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack();
  });
  afterAll(() => stack?.stop());

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
