import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/axe";
import { DEMO } from "./helpers/demo-accounts";
import { expectOpen, summaryWith } from "./helpers/disclosure";
import { accessToken, signIn } from "./helpers/login";
import { saveScreenshot } from "./helpers/screenshots";

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Wide: axe + screenshot. Narrow (375 px): axe again, no sideways scrolling, screenshot. */
async function checkPage(page: Page, path: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, name);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole("main")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await saveScreenshot(page, `${name}-375`);
}

async function firstTaskPath(page: Page, listPath: string): Promise<string> {
  await page.goto(listPath);
  const href = await page
    .locator('a[href^="/tasks/"]')
    .filter({ hasNotText: /new|import/i })
    .first()
    .getAttribute("href");
  expect(href).toMatch(/^\/tasks\/\d+$/);
  return href!;
}

type Visit = { name: string; path: string | ((page: Page) => Promise<string>) };

const EMPLOYEE_PAGES: Visit[] = [
  { name: "employee-my-tasks", path: "/my-tasks" },
  { name: "employee-task-detail", path: (page) => firstTaskPath(page, "/my-tasks") },
  { name: "forbidden", path: "/tasks/new" },
];

const MANAGER_PAGES: Visit[] = [
  { name: "manager-board", path: "/board" },
  { name: "manager-table", path: "/tasks" },
  { name: "manager-new-task", path: "/tasks/new" },
  { name: "manager-import", path: "/tasks/import" },
  { name: "manager-task-edit", path: (page) => firstTaskPath(page, "/tasks") },
  { name: "manager-my-tasks", path: "/my-tasks" },
  { name: "not-found", path: "/tasks/999999" },
];

for (const [who, account, visits] of [
  ["employee", DEMO.employee, EMPLOYEE_PAGES],
  ["manager", DEMO.manager, MANAGER_PAGES],
] as const) {
  for (const visit of visits) {
    test(`${visit.name}: no serious axe violation, no sideways scroll at 375 px (${who})`, async ({
      page,
    }) => {
      // Two full axe scans and two renders: generous on a busy two-core machine.
      test.setTimeout(180_000);
      await signIn(page, account.email, account.password);
      const path = typeof visit.path === "string" ? visit.path : await visit.path(page);
      await checkPage(page, path, visit.name);
    });
  }
}

test("the narrow navigation opens as a menu and keeps every link", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Table" })).toBeHidden();
  const menu = summaryWith(nav, "Menu");
  await menu.click();
  await expectOpen(menu, true);
  await nav.getByRole("link", { name: "Table" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expectNoHorizontalScroll(page);
});

/** A name with no place to break, as some family names are. */
const LONG_NAME = "Maximiliana Wolfeschlegelsteinhausenbergerdorffvoralternwaren";

test("a long e-mail address, name and task title wrap on a phone instead of widening the page", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const email = `firstname.middlename.lastname.department.${Date.now().toString(36)}@subsidiary.example.com`;
  const password = "Long-address-passphrase-7";
  const created = await request.post("/api/users/", {
    headers: { authorization },
    data: { email, full_name: LONG_NAME, role: "MANAGER", password },
  });
  expect(created.status()).toBe(201);
  const task = await request.post("/api/tasks/", {
    headers: { authorization },
    data: { title: `Reconcile${"-and-verify".repeat(12)}-the-quarterly-accounts` },
  });
  expect(task.status()).toBe(201);
  const { id } = (await task.json()) as { id: number };

  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, email, password);
  await page.goto("/account");
  await expect(page.getByText(email)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.context().clearCookies();
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  // The users' table too keeps to the phone, its row actions within reach.
  await page.goto(`/admin/users?search=${encodeURIComponent(email)}`);
  const table = page.getByRole("table", { name: "Users" });
  await expect(table).toContainText(LONG_NAME);
  expect(
    await table.evaluate((element) => element.scrollWidth - element.parentElement!.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.goto(`/tasks/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reconcile");
  await expectNoHorizontalScroll(page);
  // A title with no spaces (an address) wraps in the task table too, its Status still in view.
  const stamp = Date.now().toString(36);
  const link = await request.post("/api/tasks/", {
    headers: { authorization },
    data: { title: `https://example.com/${"segment/".repeat(15)}${stamp}` },
  });
  expect(link.status()).toBe(201);
  await page.goto(`/tasks?search=${stamp}`);
  const tasks = page.getByRole("table");
  await expect(tasks).toContainText(stamp);
  expect(
    await tasks.evaluate((element) => element.scrollWidth - element.parentElement!.clientWidth),
  ).toBeLessThanOrEqual(0);
});

test("on a phone the import's preview and problem report scroll sideways from the keyboard", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks/import");
  const csv = [
    "title,description,assigned_to,status,due_date,priority",
    `Wide preview row,${"A long description that widens the table. ".repeat(4)},emma.employee@example.com,FINISHED,2030-02-01,LOW`,
  ].join("\n");
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "wide.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByRole("region", { name: "First rows of the file" });
  await expect(preview.getByRole("cell", { name: "Wide preview row" })).toBeVisible();
  await expectAccessible(page);
  await preview.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => preview.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Check the file" }).click();
  const rows = page.getByRole("region", { name: "Rows with problems" });
  await expect(rows.getByRole("cell", { name: "FINISHED" })).toBeVisible();
  await expectAccessible(page);
  // The server's heading says nothing was imported; the advice under it does not say it again.
  await expect(page.getByRole("alert").filter({ hasText: "Fix the file" })).toHaveText(
    /^1 error found .*nothing was imported\.Fix the file and choose it again\.$/,
  );
});
