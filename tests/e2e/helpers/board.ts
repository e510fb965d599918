import { expect, type Page } from "@playwright/test";

/**
 * Moves a board card one column with the keyboard (space, arrow, space), waiting for dnd-kit's
 * live region at each step: it exists only once the board is hydrated, and it announces each move.
 */
export async function moveCardByKeyboard(
  page: Page,
  title: string,
  key: "ArrowRight" | "ArrowLeft",
  to: "To do" | "In progress" | "Done",
): Promise<void> {
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await expect(announcer).toBeAttached();
  await page.getByRole("button", { name: `Move “${title}”`, exact: true }).focus();
  await page.keyboard.press("Space");
  // Picking up announces the card's own column at once (dnd-kit's first "over" event).
  await expect(announcer).toContainText(`“${title}” is over`);
  // dnd-kit starts listening for the arrows in a timer it sets at pick-up, and the announcement
  // can come first (a key pressed then was lost under CI's load): a timer set now runs after it.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
  await page.keyboard.press(key);
  await expect(announcer).toContainText(`“${title}” is over ${to}.`);
  await page.keyboard.press("Space");
}
