import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated, holdScripts } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";
import { SETTLE_MS } from "../../lib/client/use-settled-choice";

// Seeded demo data (db/demo-data.ts): Emma is assigned tasks #1, #7, #13 … #55; #2 is Eli's.
const EMMAS_TITLE = /#(1|7|13|19|25|31|37|43|49|55)$/;

test("an employee sees only their tasks, changes a status that persists, and can edit nothing else", async ({
  page,
}) => {
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await expect(page).toHaveURL(/\/my-tasks$/);
  await expect(page.getByRole("heading", { name: "My tasks", level: 1 })).toBeVisible();

  const list = page.getByRole("list", { name: "My tasks" });
  const titles = await list.getByRole("heading", { level: 2 }).allInnerTexts();
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect(title).toMatch(EMMAS_TITLE);
  await expect(page.getByText("Review pull request #2", { exact: true })).toHaveCount(0);

  // The per-status counts add up to the tasks listed.
  const counts = await page
    .getByRole("list", { name: "Tasks per status" })
    .locator("span.text-2xl")
    .allInnerTexts();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(titles.length);

  // Change the first task's status with its one control; it persists after a reload.
  const card = list.getByRole("article").first();
  const title = (await card.getByRole("heading", { level: 2 }).innerText()).trim();
  const select = card.getByLabel(`Status of ${title}`);
  const before = await select.inputValue();
  const after = before === "DONE" ? "IN_PROGRESS" : "DONE";
  await select.selectOption(after);
  await expect(page.getByText(/is now/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Status of ${title}`, { exact: true })).toHaveValue(after);

  // The task's page shows its description and history, and no control but the status.
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // The browser's tab and history name the task.
  await expect(page).toHaveTitle(`${title} · ETUMS`);
  await expect(page.getByRole("heading", { name: "Description" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
  // Each fact is read once with its term: no "Priority Priority: Medium" or "Due Due …".
  const facts = page.locator("dd");
  await expect(facts.filter({ hasText: /Priority|Due/ })).toHaveCount(0);
  await expect(page.getByText(/changed the status from/).first()).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /save|delete/i })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(1);

  // From the keyboard, the arrows pass through In progress on the way to Done: only the status
  // settled on is saved, once, and focus stays on the control.
  const control = page.getByLabel(`Status of ${title}`, { exact: true });
  const changes = page.getByText(/changed the status from/);
  const changesBefore = await changes.count();
  const toDone = changes.filter({ hasText: "from To do to Done" });
  const toDoneBefore = await toDone.count();
  await control.selectOption("TODO");
  await expect(changes).toHaveCount(changesBefore + 1);
  let saves = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) saves += 1;
  });
  await control.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText(/is now done/)).toBeVisible();
  await expect(changes).toHaveCount(changesBefore + 2);
  await expect(toDone).toHaveCount(toDoneBefore + 1);
  expect(saves).toBe(1);
  await expect(control).toHaveValue("DONE");
  await expect(control).toBeFocused();
  // Arrowing away and back to the saved status saves nothing, even once the choice has settled.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(SETTLE_MS * 2);
  expect(saves).toBe(1);
  await expect(page.getByText(/modified by someone else/)).toHaveCount(0);

  // Navigation offers nothing else, and the managers' pages refuse the employee.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Board" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "New task" })).toHaveCount(0);
  await page.goto("/tasks/new");
  await expect(page.getByRole("heading", { name: /do not have access/i })).toBeVisible();
});

test("a status chosen before the page's script has run is saved once it runs", async ({
  page,
  request,
}) => {
  // A task of its own, so that the demo tasks other files count keep their statuses.
  const managerToken = await accessToken(request, DEMO.manager);
  const mine = await request.get("/api/users/me/", {
    headers: { authorization: `Bearer ${await accessToken(request, DEMO.employee)}` },
  });
  const title = `Early ${Date.now().toString(36)}`;
  const created = await request.post("/api/tasks/", {
    data: { title, assigned_to: ((await mine.json()) as { id: number }).id },
    headers: { authorization: `Bearer ${managerToken}` },
  });
  expect(created.status()).toBe(201);

  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await expect(page).toHaveURL(/\/my-tasks$/);
  const releaseScripts = await holdScripts(page);
  await page.goto(`/my-tasks?search=${encodeURIComponent(title)}`, { waitUntil: "commit" });
  const select = page.getByLabel(`Status of ${title}`, { exact: true });
  await expect(select).toHaveValue("TODO");
  const after = "DONE";
  await select.selectOption(after);
  releaseScripts();
  await expectHydrated(select);
  await expect(select).toHaveValue(after);
  await expect(page.getByText(`“${title}” is now`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Status of ${title}`, { exact: true })).toHaveValue(after);
});

test("a date in the address that does not exist is set aside with a note, not an error page", async ({
  page,
}) => {
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await page.goto("/my-tasks?due_after=2026-02-30");
  await expect(page.getByRole("heading", { name: "My tasks", level: 1 })).toBeVisible();
  await expect(
    page.getByText("Some filters were not understood and were ignored: Due from ("),
  ).toBeVisible();
  await expect(
    page.getByRole("list", { name: "My tasks" }).getByRole("article").first(),
  ).toBeVisible();
});

test("a task's address takes its id in digits only, as the API does", async ({ page }) => {
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await page.goto("/tasks/1");
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
  for (const spelled of ["1e0", "0x1", "01.0"]) {
    await page.goto(`/tasks/${spelled}`);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  }
});
