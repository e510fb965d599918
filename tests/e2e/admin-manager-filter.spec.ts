import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";

type Person = { id: number; email: string; full_name: string };

/** The API's own answer (same session cookie): who the demo managers are, by email. */
async function managerByEmail(request: APIRequestContext, email: string): Promise<Person> {
  const res = await request.get(`/api/users/?role=MANAGER&search=${encodeURIComponent(email)}`);
  expect(res.status()).toBe(200);
  const { results } = (await res.json()) as { results: Person[] };
  const match = results.find((user) => user.email === email);
  expect(match, `manager ${email}`).toBeDefined();
  return match!;
}

/** Every task id the API lists as created by that user, page after page. */
async function taskIdsCreatedBy(request: APIRequestContext, userId: number): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page += 1) {
    const res = await request.get(`/api/tasks/?created_by=${userId}&page_size=100&page=${page}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { count: number; results: { id: number }[] };
    ids.push(...body.results.map((task) => task.id));
    if (ids.length >= body.count || body.results.length === 0) return ids;
  }
}

function filters(page: Page) {
  return page.getByRole("form", { name: "Filter tasks" });
}

function managerFilter(page: Page) {
  return filters(page).getByLabel("Manager", { exact: true });
}

async function chooseManager(page: Page, name: string): Promise<void> {
  await managerFilter(page).selectOption({ label: name });
  await filters(page).getByRole("button", { name: "Apply" }).click();
}

/** The text of the table's "Created by" cells, found by the column header, not by position. */
async function creatorCells(page: Page): Promise<string[]> {
  const headers = await page.locator("table thead th").allInnerTexts();
  const column = headers.findIndex((text) => text.includes("Created by"));
  expect(column, "the Created by column is shown").toBeGreaterThanOrEqual(0);
  const cells = await page.locator(`table tbody tr td:nth-child(${column + 1})`).allInnerTexts();
  return cells.map((text) => text.trim());
}

async function boardCardIds(page: Page): Promise<number[]> {
  const ids = await page
    .locator("section[data-column] li[data-task-id]")
    .evaluateAll((cards) => cards.map((card) => Number(card.getAttribute("data-task-id"))));
  return ids.sort((a, b) => a - b);
}

test("an admin filters the task table by manager, and the filter survives a reload", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const maria = await managerByEmail(page.request, DEMO.manager.email);
  const expected = await taskIdsCreatedBy(page.request, maria.id);
  expect(expected.length).toBeGreaterThan(0);

  await page.goto("/tasks");
  const status = page.getByRole("status").filter({ hasText: /tasks? · page/ });
  const unfiltered = Number((await status.innerText()).split(" ")[0]);
  expect(unfiltered).toBeGreaterThan(expected.length);

  await chooseManager(page, maria.full_name);
  await expect(page).toHaveURL(new RegExp(`[?&]created_by=${maria.id}(&|$)`));
  await expect(status).toContainText(`${expected.length} task${expected.length === 1 ? "" : "s"}`);
  const creators = await creatorCells(page);
  expect(creators.length).toBeGreaterThan(0);
  expect(new Set(creators)).toEqual(new Set([maria.full_name]));

  await page.reload();
  await expect(managerFilter(page)).toHaveValue(String(maria.id));
  await expect(status).toContainText(`${expected.length} task${expected.length === 1 ? "" : "s"}`);
  expect(new Set(await creatorCells(page))).toEqual(new Set([maria.full_name]));
});

test("an admin filters the board by manager, and the filter survives a reload", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const mike = await managerByEmail(page.request, DEMO.otherManager.email);
  const expected = (await taskIdsCreatedBy(page.request, mike.id)).sort((a, b) => a - b);
  expect(expected.length).toBeGreaterThan(0);

  await page.goto("/board");
  const cards = page.locator("section[data-column] li[data-task-id]");
  await expect(cards).not.toHaveCount(0);
  expect(await cards.count()).toBeGreaterThan(expected.length);

  await chooseManager(page, mike.full_name);
  await expect(page).toHaveURL(new RegExp(`[?&]created_by=${mike.id}(&|$)`));
  await expect(cards).toHaveCount(expected.length);
  expect(await boardCardIds(page)).toEqual(expected);

  await page.reload();
  await expect(managerFilter(page)).toHaveValue(String(mike.id));
  await expect(cards).toHaveCount(expected.length);
  expect(await boardCardIds(page)).toEqual(expected);
});

test("a manager gets no Manager filter: it is for admins only", async ({ page }) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks");
  await expect(filters(page).getByLabel("Assignee")).toBeVisible();
  await expect(managerFilter(page)).toHaveCount(0);
});

test("an admin goes from a name on the overview to that person's tasks", async ({ page }) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const maria = await managerByEmail(page.request, DEMO.manager.email);
  const created = await taskIdsCreatedBy(page.request, maria.id);

  await page.goto("/admin");
  await page
    .getByRole("region", { name: "Tasks per creator" })
    .getByRole("link", { name: maria.full_name, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?created_by=${maria.id}$`));
  await expect(page.getByRole("status").filter({ hasText: /tasks? · page/ })).toContainText(
    `${created.length} task${created.length === 1 ? "" : "s"}`,
  );

  await page.goto("/admin");
  const assignees = page.getByRole("region", { name: "Tasks per assignee" });
  const first = assignees.getByRole("link").first();
  const href = await first.getAttribute("href");
  expect(href).toMatch(/^\/tasks\?assigned_to=\d+$/);
  await first.click();
  await expect(filters(page).getByLabel("Assignee")).toHaveValue(href!.split("=")[1]!);
});

test("a manager given a link filtered by creator sees it said, kept and removable", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const me = (await (await page.request.get("/api/users/me/")).json()) as Person;
  await page.goto(`/tasks?created_by=${me.id}`);
  await expect(managerFilter(page)).toHaveCount(0);
  await expect(filters(page)).toContainText(`Only tasks created by ${me.full_name}.`);

  await filters(page).getByLabel("Priority").selectOption({ label: "High" });
  await filters(page).getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`created_by=${me.id}`));
  await expect(page).toHaveURL(/priority=HIGH/);

  await filters(page).getByRole("link", { name: "Show tasks by anyone" }).click();
  await expect(page).not.toHaveURL(/created_by=/);
  await expect(page).toHaveURL(/priority=HIGH/);
  await expect(filters(page)).not.toContainText("Only tasks created by");
});
