import type { Locator } from 'playwright-core';

/**
 * Chooses `option` in the searchable picker (combobox) named `label` inside `scope`: types `typed` (the option's own
 * name unless told), then clicks the option the server's search lists.
 */
export async function pick(scope: Locator, label: string, option: string, typed = option): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).fill(typed);
  await scope.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}
