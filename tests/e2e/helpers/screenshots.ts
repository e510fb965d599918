import { test, type Page } from "@playwright/test";

/** `SAVE_SCREENSHOTS=1` refreshes the README's pictures; otherwise they go with the test results. */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = process.env.SAVE_SCREENSHOTS
    ? `public/screenshots/${name}.png`
    : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
}
