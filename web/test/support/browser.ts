import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestClient } from '../../../server/test/support/client.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether Debian's Chromium is here to drive; without it the browser tests are skipped with the reason printed, unless
 * ROLECALL_REQUIRE_CHROMIUM (CI, `npm run screenshots`) makes that a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.ROLECALL_REQUIRE_CHROMIUM)
    throw new Error(`Chromium is required for the browser tests but ${CHROMIUM} does not exist.`);
  console.warn(
    `Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/**
 * How long a browser action waits for its element. Shorter than Playwright's 30 s because a locator read inside
 * `expect.poll` (5 s) is awaited twice: with 30 s, one missing element made a test time out at 60 s naming no step;
 * with this, the poll fails within 45 s with the locator it waited for.
 */
const ACTION_TIMEOUT_MS = 20_000;

/** A browser context of the tests' size, whose actions wait at most ACTION_TIMEOUT_MS. */
export async function newTestContext(browser: Browser, width = 1280, height = 900): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return context;
}

/** A page in its own browser context, signed in with the session cookie `client` holds for the app at `url`. */
export async function pageSignedInAs(browser: Browser, url: string, client: TestClient): Promise<Page> {
  const context = await newTestContext(browser);
  const [name, value] = (client.sessionCookie ?? '').split('=');
  await context.addCookies([{ name: String(name), value: String(value), url }]);
  return context.newPage();
}
