import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated, holdScripts } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

test("the task table offers a page size, and keyboard focus survives filtering, sorting and paging", async ({
  page,
}) => {
  // Enough tasks for a few pages, whatever the other files left behind.
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const tag = `Paged ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: { tasks: Array.from({ length: 45 }, (_, i) => ({ title: `${tag} ${i}` })) },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);

  // Applied by keyboard, the filters reload the page: focus lands on what they found, not at the top.
  await page.goto("/tasks");
  const filters = page.getByRole("form", { name: "Filter tasks" });
  await filters.getByLabel("Text").fill(tag);
  await filters.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/search=Paged/);
  await expect(page.getByRole("status").filter({ hasText: "45 tasks" })).toBeFocused();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  const pageSize = page.getByLabel("Rows per page");
  await pageSize.focus();
  await pageSize.selectOption("50");
  await expect(page).toHaveURL(/page_size=50/);
  await expect(rows).toHaveCount(45);
  await expect(page).toHaveURL(
    new RegExp(`search=${encodeURIComponent(tag).replace(/%20/g, "(\\+|%20)")}`),
  );
  await expect(pageSize).toBeFocused();

  // Back to 20 a page: "Next page" twice by keyboard; on the last page the link is gone, and
  // focus goes to the line that says where the user now is, not to the top of the page.
  await pageSize.selectOption("20");
  await expect(rows).toHaveCount(20);
  const next = page.getByRole("link", { name: "Next page" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "page 2 of 3" })).toBeVisible();
  await next.focus();
  await page.keyboard.press("Enter");
  const count = page.getByRole("status").filter({ hasText: "page 3 of 3" });
  await expect(count).toBeVisible();
  await expect(rows).toHaveCount(5);
  await expect(count).toBeFocused();

  // A sort by keyboard keeps focus on the column's link through the new rows.
  const byTitle = page.getByRole("columnheader", { name: "Title" }).getByRole("link");
  await byTitle.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/ordering=title/);
  await expect(page.getByRole("status").filter({ hasText: "page 1 of 3" })).toBeVisible();
  await expect(byTitle).toBeFocused();
});

test("Rows per page loads the size the arrow keys stop on, once; paging says it is loading", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const tag = `Stepped ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: {
      tasks: Array.from({ length: 45 }, (_, i) => ({
        title: `${tag} ${i}`,
        status: i % 2 ? "IN_PROGRESS" : "TODO",
      })),
    },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  const pageSize = page.getByLabel("Rows per page");
  await expectHydrated(pageSize);
  // A badge reads as one word: "In progress" never breaks over two lines.
  const inProgress = page.locator("tbody").getByText("In progress", { exact: true });
  await expect(inProgress.first()).toBeVisible();
  const lines = await inProgress.evaluateAll((badges) =>
    badges.map((badge) => badge.getClientRects().length),
  );
  expect(new Set(lines)).toEqual(new Set([1]));

  const sizesLoaded: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    const size = url.searchParams.get("page_size");
    if (url.pathname === "/tasks" && size) sizesLoaded.push(size);
  });
  await pageSize.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(/page_size=100/);
  await expect(rows).toHaveCount(45);
  await expect(pageSize).toHaveValue("100");
  expect(sizesLoaded).not.toContain("50");

  // A slow answer: the old rows stay, dimmed and marked busy, and the count line says so.
  await pageSize.selectOption("20");
  await expect(rows).toHaveCount(20);
  await page.route("**/tasks?**", async (route) => {
    if (route.request().headers().rsc) await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toBeVisible();
  await expect(page.locator("[aria-busy=true]").locator("tbody tr")).toHaveCount(20);
  await expect(page.getByRole("status").filter({ hasText: "page 2 of 3" })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
});

test("a page size chosen before the page's script has run is loaded once it runs", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const releaseScripts = await holdScripts(page);
  await page.goto("/tasks", { waitUntil: "commit" });
  const pageSize = page.getByLabel("Rows per page");
  await pageSize.selectOption("50");
  releaseScripts();
  await expectHydrated(pageSize);
  await expect(page).toHaveURL(/page_size=50/);
  await expect(page.locator("tbody tr")).toHaveCount(50);
});

test("on a phone the task table keeps to the screen: who, when and how urgent go under the title", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const origin = { Origin: new URL(page.url()).origin };
  const found = await page.request.get(
    `/api/users/?search=${encodeURIComponent(DEMO.employee.email)}`,
  );
  const [emma] = ((await found.json()) as { results: { id: number; full_name: string }[] }).results;
  const title = `Phone row ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/", {
    data: { title, assigned_to: emma!.id, due_date: "2030-03-04", priority: "URGENT" },
    headers: origin,
  });
  expect(created.status()).toBe(201);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/tasks?search=${encodeURIComponent(title)}`);
  const table = page.getByRole("table");
  const row = table.locator("tbody tr");
  await expect(row).toHaveCount(1);
  expect(
    await table.evaluate((element) => element.scrollWidth - element.parentElement!.clientWidth),
  ).toBeLessThanOrEqual(0);
  await expect(table.getByRole("columnheader", { name: /Assignee/ })).toBeHidden();
  await expect(table.getByRole("columnheader", { name: /Status/ })).toBeVisible();
  const titleCell = row.getByRole("cell").filter({ hasText: title });
  await expect(titleCell).toContainText(emma!.full_name);
  await expect(titleCell).toContainText("4 Mar 2030");
  await expect(titleCell).toContainText("Urgent");
  await expect(page.getByText("Columns", { exact: true })).toBeHidden();

  // Wider, the columns are back and the title stands alone.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(table.getByRole("columnheader", { name: /Assignee/ })).toBeVisible();
  await expect(titleCell.getByText(emma!.full_name)).toBeHidden();
});

test("a manager without tasks is told the table is empty, not that filters hide them", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const email = `new.manager.${Date.now().toString(36)}@example.com`;
  const password = "New-manager-passphrase-5";
  const created = await request.post("/api/users/", {
    headers: { authorization },
    data: { email, full_name: "New Manager", role: "MANAGER", password },
  });
  expect(created.status()).toBe(201);
  await signIn(page, email, password);
  await page.goto("/tasks");
  await expect(page.getByText("No tasks yet.")).toBeVisible();
  await expect(page.getByText("No task matches these filters.")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Create a task" })).toBeVisible();
  await page.goto("/tasks?status=DONE");
  await expect(page.getByText("No task matches these filters.")).toBeVisible();
});

test("the table's count line groups thousands, as every other count does", async ({ page }) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const tag = `Thousand ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: { tasks: Array.from({ length: 1000 }, (_, i) => ({ title: `${tag} ${i}` })) },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}&page_size=20`);
  await expect(
    page.getByRole("status").filter({ hasText: "1,000 tasks · page 1 of 50" }),
  ).toBeVisible();
});
