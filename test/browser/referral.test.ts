import type { Page } from 'playwright-core';
import { checkDateOfBirth, validateIdentifier } from '@mash/shared';
import { axeViolations, browserSuite, screenshot, startBrowserStack, type BrowserStack } from './support';

const BAD_NHS = '9434765918';

/** The shared rules' reasons as the form shows them (capitalised). */
const sentence = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1);
const reason = (result: { ok: true } | { ok: false; reason: string }) => {
  if (result.ok) throw new Error('expected the shared rule to refuse it');
  return sentence(result.reason);
};

/** The receiveReferral requests the page sent, as the gateway received their bodies. */
function watchReferrals(page: Page): { variables: { idempotencyKey: string; input: Record<string, unknown> } }[] {
  const sent: { variables: { idempotencyKey: string; input: Record<string, unknown> } }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.postData()?.includes('receiveReferral')) sent.push(JSON.parse(request.postData()!));
  });
  return sent;
}

async function fillReferral(page: Page, referrer: string, { dateOfBirth = true } = {}) {
  await page.getByLabel("Referrer's name").fill(referrer);
  await page.getByLabel('Organisation (optional)').fill('Browser test school');
  await page.getByLabel('What is the concern?').fill('A pupil disclosed that they are frightened to go home.');
  await page.selectOption('#subjects-0-householdRole', 'CHILD');
  await page.fill('#subjects-0-givenName', 'Robin');
  await page.fill('#subjects-0-familyName', 'Formtest');
  if (dateOfBirth) {
    await page.fill('#subjects-0-dateOfBirth-day', '3');
    await page.fill('#subjects-0-dateOfBirth-month', '2');
    await page.fill('#subjects-0-dateOfBirth-year', '2014');
  }
  await page.fill('#subjects-0-postcode', 'cv34 4rl');
}

const focused = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');
const errorAt = (page: Page, id: string) => page.locator(`#${id}-error`).textContent();

browserSuite('the referral form', () => {
  let stack: BrowserStack;
  let token: string;
  const casesBy = async (referrerName: string) => {
    const { body } = await stack.federation.query('{ cases(status: OPEN, limit: 200) { id reference referrerName subjectCount } }', {}, token);
    expect(body.errors).toBeUndefined();
    return (body.data.cases as { id: string; reference: string; referrerName: string; subjectCount: number }[]).filter((item) => item.referrerName === referrerName);
  };

  beforeAll(async () => {
    stack = await startBrowserStack();
    token = await stack.federation.token({ role: 'mash-triage' });
  });
  afterAll(() => stack?.stop());

  it('checks each field as the user leaves it with the API\'s own rules, and summarises the problems on sending, before anything is sent', async () => {
    const { page } = await stack.page('mash-triage');
    const sent = watchReferrals(page);
    await page.goto('/app/referrals/new');
    await page.getByRole('heading', { name: 'Make a referral', level: 1 }).waitFor();
    expect(await axeViolations(page, 'referral')).toEqual([]);

    const nhs = page.locator('#subjects-0-nhsNumber');
    await nhs.fill(BAD_NHS);
    expect(await page.locator('#subjects-0-nhsNumber-error').count()).toBe(0); // not while typing
    await nhs.press('Tab');
    expect(await errorAt(page, 'subjects-0-nhsNumber')).toContain(reason(validateIdentifier('NHS_NUMBER', BAD_NHS)));
    expect(await nhs.getAttribute('aria-invalid')).toBe('true');
    // Re-checked as they type once it shows: corrected, it goes; wrong again, it is back.
    await nhs.fill('943 476 5919');
    expect(await page.locator('#subjects-0-nhsNumber-error').count()).toBe(0);
    expect(await nhs.getAttribute('aria-invalid')).toBeNull();
    await nhs.fill(BAD_NHS);
    await nhs.press('Tab');

    // The date boxes: checked as a whole when focus leaves them, with the API's date-of-birth rule.
    await page.fill('#subjects-0-dateOfBirth-day', '1');
    await page.fill('#subjects-0-dateOfBirth-month', '1');
    expect(await page.locator('#subjects-0-dateOfBirth-error').count()).toBe(0); // moving between the boxes is not leaving
    await page.fill('#subjects-0-dateOfBirth-year', '2999');
    await page.locator('#subjects-0-dateOfBirth-year').press('Tab');
    expect(await errorAt(page, 'subjects-0-dateOfBirth')).toContain(reason(checkDateOfBirth('2999-01-01')));
    // An unborn child takes an expected date up to ten months ahead: the same date is still too far.
    await page.selectOption('#subjects-0-householdRole', 'UNBORN');
    expect(await errorAt(page, 'subjects-0-dateOfBirth')).toContain(reason(checkDateOfBirth('2999-01-01', { unborn: true })));
    await page.getByRole('group', { name: 'Expected date of delivery (optional)' }).waitFor();

    await page.getByRole('button', { name: 'Send referral' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await focused(page)).toBe(''); // the summary itself has focus (it has no id)
    const items = await summary.getByRole('link').allTextContents();
    expect(items).toEqual([
      "Enter the referrer's name",
      'Enter the concern',
      'Enter the family name',
      reason(checkDateOfBirth('2999-01-01', { unborn: true })),
      reason(validateIdentifier('NHS_NUMBER', BAD_NHS)),
    ]);
    expect(await page.title()).toMatch(/^Error: /);
    await summary.getByRole('link', { name: /Modulus 11/ }).click();
    expect(await focused(page)).toBe('subjects-0-nhsNumber');
    await summary.getByRole('link', { name: 'Enter the concern' }).click();
    expect(await focused(page)).toBe('concern');
    expect(await page.locator('#concern').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
    expect(await axeViolations(page, 'referral-errors')).toEqual([]);
    await screenshot(page, 'referral-errors');

    // Add another person: their fieldset, focus on its first field; removing them puts focus back on the button.
    await page.getByRole('button', { name: 'Add another person' }).click();
    await page.getByRole('heading', { name: 'Person 2' }).waitFor();
    expect(await focused(page)).toBe('subjects-1-householdRole');
    await page.getByRole('button', { name: 'Remove person 2' }).click();
    expect(await page.getByRole('heading', { name: 'Person 2' }).count()).toBe(0);
    expect(await focused(page)).toBe('add-person');
  });

  it('shows at its field what only the API checks, then sends the referral once even when the answer is lost and it is sent again, and leads to the new case', async () => {
    const { page } = await stack.page('mash-triage');
    const sent = watchReferrals(page);
    const referrer = `Browser test referrer ${Date.now()}`;
    await page.goto('/app/referrals/new');
    await fillReferral(page, referrer, { dateOfBirth: false });

    // Neither a date of birth nor an identifier: the API's BAD_USER_INPUT, at the date and in the summary.
    await page.getByRole('button', { name: 'Send referral' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /Give a date of birth or at least one identifier/ }).click();
    expect(sent).toHaveLength(1);
    expect(await focused(page)).toBe('subjects-0-dateOfBirth-day');
    expect(await errorAt(page, 'subjects-0-dateOfBirth')).toContain('Give a date of birth or at least one identifier');
    expect(await page.locator('#subjects-0-dateOfBirth-day').getAttribute('aria-invalid')).toBe('true');
    expect(await casesBy(referrer)).toEqual([]);

    await page.fill('#subjects-0-dateOfBirth-day', '3');
    await page.fill('#subjects-0-dateOfBirth-month', '2');
    await page.fill('#subjects-0-dateOfBirth-year', '2014');
    await page.fill('#subjects-0-nhsNumber', '943 476 5919');
    await page.getByRole('button', { name: 'Add another person' }).click();
    await page.selectOption('#subjects-1-householdRole', 'PARENT');
    await page.fill('#subjects-1-familyName', 'Formtest');
    await page.fill('#subjects-1-dateOfBirth-day', '12');
    await page.fill('#subjects-1-dateOfBirth-month', '11');
    await page.fill('#subjects-1-dateOfBirth-year', '1988');

    // The first answer is lost on the way back (the case was made): the page sees a network error.
    let lost = false;
    await page.route('**/graphql', async (route) => {
      if (!lost && route.request().postData()?.includes('receiveReferral')) {
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByRole('heading', { name: 'The hub could not answer' }).waitFor();
    expect(await casesBy(referrer)).toHaveLength(1);

    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Referral received', level: 1 }).waitFor();
    expect(sent).toHaveLength(3);
    expect(sent[2].variables.idempotencyKey).toBe(sent[1].variables.idempotencyKey);
    expect(sent[1].variables.input).toMatchObject({ referrerName: referrer, subjects: [{ dateOfBirth: '2014-02-03', postcode: 'cv34 4rl', nhsNumber: '943 476 5919' }, { householdRole: 'PARENT', dateOfBirth: '1988-11-12' }] });
    const made = await casesBy(referrer);
    expect(made).toHaveLength(1);
    expect(made[0].subjectCount).toBe(2);
    const reference = await page.getByTestId('case-reference').textContent();
    expect(reference).toBe(made[0].reference);
    expect(await axeViolations(page, 'referral-received')).toEqual([]);

    expect(await page.getByRole('link', { name: `View case ${reference}` }).getAttribute('href')).toBe(`/app/cases/${made[0].id}`);

    // Another referral from the same page is another submission: a new key, a second case.
    await page.getByRole('button', { name: 'Make another referral' }).click();
    await page.getByRole('heading', { name: 'Make a referral', level: 1 }).waitFor();
    expect(await page.getByLabel("Referrer's name").inputValue()).toBe('');
    await fillReferral(page, referrer);
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByRole('heading', { name: 'Referral received', level: 1 }).waitFor();
    expect(sent).toHaveLength(4);
    expect(sent[3].variables.idempotencyKey).not.toBe(sent[1].variables.idempotencyKey);
    const both = await casesBy(referrer);
    expect(both).toHaveLength(2);
    const second = both.find((item) => item.id !== made[0].id)!;
    await page.getByRole('link', { name: `View case ${second.reference}` }).click();
    await page.waitForURL(`${stack.origin}/app/cases/${second.id}`);
  });
});
