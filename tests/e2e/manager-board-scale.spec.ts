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

test("a column with more cards than it draws counts them all and says how many it leaves out", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const tag = `Crowded${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: {
      tasks: [
        ...Array.from({ length: 350 }, (_, i) => ({ title: `${tag} ${i}`, status: "TODO" })),
        { title: `${tag} done`, status: "DONE" },
      ],
    },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/board?search=${tag}`);
  const todo = page.locator('section[data-column="TODO"]');
  await expect(todo.getByRole("heading", { level: 2 })).toContainText("350");
  await expect(todo.locator("li[data-task-id]")).toHaveCount(300);
  await expect(todo.getByText("50 more, changed longer ago, are not shown")).toBeVisible();
  // The other columns still get their cards: the crowded one does not take the whole board.
  await expect(page.locator('section[data-column="DONE"] li[data-task-id]')).toHaveCount(1);
});
