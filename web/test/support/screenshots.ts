import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where `npm run screenshots` writes (SCREENSHOTS_DIR to look at them elsewhere first); null in a plain test run. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? (process.env.SCREENSHOTS_DIR ?? new URL('../../../docs/screenshots/', import.meta.url).pathname).replace(
      /\/?$/,
      '/',
    )
  : null;

/** The README's picture of what the page shows now, at rest (not mid-highlight); nothing unless asked for. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await expect.poll(() => page.locator('.flash, tr.changed').count()).toBe(0);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage, animations: 'disabled' });
}
