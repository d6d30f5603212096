import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Types `text` into the Overview's search and waits for its answer (the count names the search only once its first
 * page landed). A row clicked before then can be replaced under the pointer by the search's rows, and the click lands
 * on whatever row took its place.
 */
export async function searchObjects(page: Page, text: string, wait: { timeout?: number } = {}): Promise<void> {
  await page.getByLabel('Search objects').fill(text);
  await expect.poll(() => page.getByTestId('object-count').textContent(), wait).toContain(`match “${text}”`);
}
