import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has hydrated the element (its props, handlers included, are attached), so
 * that a click or a key reaches the app's handler rather than the bare server-rendered HTML.
 */
export async function expectHydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() =>
      locator.evaluate((element) =>
        Object.keys(element).some((key) => key.startsWith("__reactProps$")),
      ),
    )
    .toBe(true);
}
