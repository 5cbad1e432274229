import fs from 'node:fs';
import path from 'node:path';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { webBuilt, DEFAULT_WEB_DIR } from '@mash/gateway/dist/web';
import { startFederation, type Federation, type FederationOptions } from '../support/federation';
import { CHROMIUM_FLAGS, findChromium } from '../support/chromium';

const ROOT = path.resolve(__dirname, '../..');
/** Screenshots and accessibility reports the browser tests write (git-ignored). */
export const ARTIFACTS = path.join(ROOT, 'test-results', 'screens');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Role = 'mash-triage' | 'mash-manager' | 'governance' | 'agency-admin';

/**
 * Browser tests run when Chromium is on the machine (`.ci/run` installs Debian's). Without it they
 * are skipped with a warning, except under CI, where a missing browser fails the run.
 */
export function browserSuite(name: string, body: () => void): void {
  const executable = findChromium();
  if (!executable && !process.env.CI) {
    console.warn(`${name}: skipped, no Chromium on this machine (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export interface BrowserStack {
  federation: Federation;
  /** http://127.0.0.1:<port> of the gateway. */
  origin: string;
  browser: Browser;
  /** A fresh browser context (own session storage) and page, signed in as `role` unless null. */
  page(role: Role | null): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/** The whole product (four agencies, hub, gateway serving /app/) and a headless Chromium. */
export async function startBrowserStack(options: FederationOptions = {}): Promise<BrowserStack> {
  if (!webBuilt(DEFAULT_WEB_DIR)) throw new Error('the screens are not built: run `npm run build` first (npm test does)');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('CI is set and there is no Chromium: .ci/run installs Debian\'s chromium package');
  const federation = await startFederation(options);
  const origin = new URL(federation.gateway.url).origin;
  let browser: Browser;
  try {
    browser = await playwright.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  } catch (error) {
    await federation.stop();
    throw error;
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  return {
    federation,
    origin,
    browser,
    async page(role) {
      const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      if (role) await signIn(page, role);
      return { context, page };
    },
    async stop() {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close().catch(() => undefined);
      await federation.stop();
    },
  };
}

/** Demo sign-in as a role, through the same link the sign-in page offers; lands on `returnTo` (default the role's home). */
export async function signIn(page: Page, role: Role, returnTo = '/app/'): Promise<void> {
  await page.goto(`/app/dev-login?role=${role}&returnTo=${encodeURIComponent(returnTo)}`);
  await page.waitForFunction('sessionStorage.getItem("mash.session") !== null');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page against WCAG 2.0, 2.1 and 2.2 A and AA, writes the report under
 * test-results/screens/<screen>.axe.json, and returns the serious and critical violations.
 */
export async function axeViolations(page: Page, screen: string): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not stop it.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })`)) as { violations: AxeViolation[] };
  fs.writeFileSync(path.join(ARTIFACTS, `${screen}.axe.json`), JSON.stringify(result.violations, null, 2));
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
}

/** A full-page screenshot under test-results/screens/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Reads the screen until what it shows passes `done`, then returns that reading for the test to
 * assert on. After a click or an address change React may still show the previous answer (or a
 * loading state) for a moment, so one reading can see the page before it settles. After `timeoutMs`
 * the last reading is returned as it is, and the test's own assertion says what was wrong.
 */
export async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
