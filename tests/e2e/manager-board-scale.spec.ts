import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { moveCardByKeyboard } from "./helpers/board";
import { signIn } from "./helpers/login";

const EXTRA = 480;

test("the board holds 500+ cards and still moves one by keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const tag = Date.now().toString(36);
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: {
      tasks: Array.from({ length: EXTRA }, (_, i) => ({
        title: `Scale ${tag} ${i + 1}`,
        priority: ["LOW", "MEDIUM", "HIGH", "URGENT"][i % 4],
        status: ["TODO", "IN_PROGRESS", "DONE"][i % 3],
      })),
    },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);

  await page.goto("/board");
  const cards = page.locator("section[data-column] li[data-task-id]");
  await expect(cards).not.toHaveCount(0);
  expect(await cards.count()).toBeGreaterThanOrEqual(500);

  const title = `Scale ${tag} 1`;
  const card = (status: string) =>
    page
      .locator(`section[data-column="${status}"] li`)
      .filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(card("TODO")).toBeVisible();
  await moveCardByKeyboard(page, title, "ArrowRight", "In progress");
  await expect(card("IN_PROGRESS")).toBeVisible();
  await expect(page.getByText(`“${title}” moved to In progress.`)).toBeVisible();
});
