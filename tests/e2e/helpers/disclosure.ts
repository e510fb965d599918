import { expect, type Locator, type Page } from "@playwright/test";

/** The summary of a native `<details>` (Playwright gives `<summary>` no role) holding `text`. */
export function summaryWith(scope: Page | Locator, text: string): Locator {
  return scope.locator("summary").filter({ hasText: text });
}

/** Whether the `<details>` that `summary` opens and closes is open, as assistive tech is told. */
export async function expectOpen(summary: Locator, open: boolean): Promise<void> {
  const details = summary.locator("xpath=..");
  if (open) await expect(details).toHaveAttribute("open", "");
  else await expect(details).not.toHaveAttribute("open");
}
