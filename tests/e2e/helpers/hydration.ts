import { expect, type Locator, type Page } from "@playwright/test";

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

/**
 * Holds the page's scripts (not its stylesheets, which would hold the streamed page back too) until
 * the returned function is called: what a person does meanwhile is done to the bare server HTML,
 * as on a slow connection.
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
