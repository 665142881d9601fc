// The workbench in a real Chromium (Debian's, driven by playwright-core): sign in, and fill the forms the way a
// user does — type into fields, open a choice and click it, pick dates — by the fields' ids (<form>_<field>).
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/seed.js';

export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * A signed-in page of its own (its own cookies) for `user`, on a laptop-sized screen; `timezoneId` puts the
 * browser in another time zone than the machine's.
 */
export async function signIn(
  browser: Browser,
  base: string,
  user: string,
  lang: 'zh' | 'en' = 'zh',
  timezoneId?: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (lang === 'en') await context.addInitScript("localStorage.setItem('tiean.lang', 'en')");
  await page.goto(`${base}/`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('me').waitFor();
  return page;
}

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

export async function type(page: Page, id: string, value: string): Promise<void> {
  await byId(page, id).fill(value);
}

/** A choice made with the keyboard: its label typed into the field, then the first option that matches taken. */
export async function choose(page: Page, id: string, label: string): Promise<void> {
  await page
    .locator('.ant-select', { has: byId(page, id) })
    .first()
    .click();
  await page.keyboard.type(label);
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label });
  await option.first().waitFor();
  await page.keyboard.press('Enter');
}

/** Free values into a tags field (user ids, item numbers). */
export async function tags(page: Page, id: string, values: string[]): Promise<void> {
  await page
    .locator('.ant-select', { has: byId(page, id) })
    .first()
    .click();
  for (const v of values) {
    await page.keyboard.type(v);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
}

/** A date (YYYY-MM-DD) or a date and time (YYYY-MM-DD HH:mm:ss) typed into its picker. */
export async function date(page: Page, id: string, value: string): Promise<void> {
  const input = byId(page, id);
  await input.click();
  await input.fill(value);
  // Tab, not Enter: Enter would also submit the form.
  await input.press('Tab');
}

export async function toggle(page: Page, id: string): Promise<void> {
  await byId(page, id).click();
}

/** Submits the form with this test id. */
export async function submit(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).locator('button[type=submit]').click();
}

/** Opens an action of the case page (its panel) by the command's path. */
export async function openAction(page: Page, path: string): Promise<void> {
  await page.getByTestId('actions').waitFor();
  await page.getByTestId(`action-${path}`).click();
  await page.getByTestId(`form-${path}`).waitFor();
}

/** Waits until the element's text contains `text` (or matches it; `exact`: is it), as the page refreshes. */
export async function hasText(
  locator: Locator,
  text: string | RegExp,
  { exact = false, timeout = 30_000 } = {},
): Promise<void> {
  const t0 = Date.now();
  let last = '';
  for (;;) {
    last =
      (await locator
        .first()
        .textContent({ timeout: Math.max(1, timeout - (Date.now() - t0)) })
        .catch(() => null)) ?? '';
    const ok =
      typeof text === 'string' ? (exact ? last.trim() === text : last.includes(text)) : text.test(last);
    if (ok) return;
    if (Date.now() - t0 > timeout)
      throw new Error(
        `expected ${String(locator)} to ${exact ? 'be' : 'contain'} ${String(text)}; it reads: ${last.slice(0, 500)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The element's text does not contain `text` (now). */
export async function lacksText(locator: Locator, text: string): Promise<void> {
  const now = (await locator.first().textContent()) ?? '';
  if (now.includes(text)) throw new Error(`${String(locator)} shows ${text}`);
}

export const visible = (locator: Locator, timeout = 30_000) =>
  locator.first().waitFor({ state: 'visible', timeout });
