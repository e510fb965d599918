import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import mysql from "mysql2/promise";
import { DEMO } from "./helpers/demo-accounts";
import { expectOpen, summaryWith } from "./helpers/disclosure";
import { expectHydrated } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";
import { E2E_DATABASE_URL } from "./env";

test.describe.configure({ mode: "serial" });

const PASSWORD = "Busy-employee-passphrase-1";
const EMAIL = `busy-${Date.now().toString(36)}@example.com`;
let employeeId = 0;

// 60 tasks: more than a page (50), 55 of them undated and 5 overdue, which come first: what is due
// soonest leads, and undated tasks follow every dated one.
test.beforeAll(async ({ request }) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const created = await request.post("/api/users/", {
    headers: { authorization },
    data: { email: EMAIL, full_name: "Busy Bee", role: "EMPLOYEE", password: PASSWORD },
  });
  expect(created.status()).toBe(201);
  employeeId = ((await created.json()) as { id: number }).id;
  const tasks = [
    ...Array.from({ length: 55 }, (_, i) => ({ title: `Undated ${i}`, assigned_to: employeeId })),
    ...Array.from({ length: 5 }, (_, i) => ({
      title: `Late ${i}`,
      assigned_to: employeeId,
      due_date: `2020-01-0${i + 1}`,
    })),
  ];
  const bulk = await request.post("/api/tasks/bulk-create/", {
    headers: { authorization },
    data: { tasks },
  });
  expect(bulk.status()).toBe(201);
});

test.afterAll(async () => {
  const db = await mysql.createConnection(E2E_DATABASE_URL);
  await db.query("DELETE FROM tasks WHERE assigned_to = ?", [employeeId]);
  await db.end();
});

test("my tasks come in pages, and overdue ones are pointed out however they sort", async ({
  page,
}) => {
  await signIn(page, EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/my-tasks$/);
  const cards = page.getByRole("list", { name: "My tasks" }).getByRole("article");
  await expect(cards).toHaveCount(50);
  const pages = page.getByRole("navigation", { name: "My tasks pages" });
  await expect(pages).toContainText("Page 1 of 2 · 60 in all");
  const titles = cards.getByRole("heading", { level: 2 });
  expect((await titles.allInnerTexts()).slice(0, 6)).toEqual([
    "Late 0",
    "Late 1",
    "Late 2",
    "Late 3",
    "Late 4",
    "Undated 0",
  ]);

  // Paged from the keyboard, focus lands on what the new page holds, not back at the top.
  await expect(page.getByRole("status").filter({ hasText: "60 tasks." })).toHaveText(
    "60 tasks. Page 1 of 2.",
  );
  await pages.getByRole("link", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/my-tasks\?page=2$/);
  await expect(cards).toHaveCount(10);
  await expect(page.getByRole("status").filter({ hasText: "60 tasks." })).toHaveText(
    "60 tasks. Page 2 of 2.",
  );
  await expect(page.getByRole("status").filter({ hasText: "60 tasks." })).toBeFocused();

  await expect(page.getByText("5 of your tasks are overdue.")).toBeVisible();
  await page.getByRole("link", { name: "Show them" }).click();
  await expect(page).toHaveURL(/\/my-tasks\?overdue=true$/);
  await expect(cards).toHaveCount(5);
  for (const title of await cards.getByRole("heading", { level: 2 }).allInnerTexts()) {
    expect(title).toMatch(/^Late \d$/);
  }
  await expect(page.getByLabel("Overdue only")).toBeChecked();
});

test("changing a status in a filtered list keeps the keyboard's place on the next task", async ({
  page,
}) => {
  await signIn(page, EMAIL, PASSWORD);
  await page.goto("/my-tasks?status=TODO");
  const titles = page
    .getByRole("list", { name: "My tasks" })
    .getByRole("article")
    .getByRole("heading", { level: 2 });
  await expect(titles.nth(1)).toBeVisible();
  const [first, second] = await titles.allInnerTexts();
  const select = page.getByLabel(`Status of ${first}`, { exact: true });
  await select.focus();
  await select.press("ArrowDown");
  // The task has left the To do list; focus is on the one that took its place, on its link (an
  // arrow key there changes nothing), and its status is the next stop.
  await expect(page.getByLabel(`Status of ${first}`, { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: second, exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(`Status of ${second}`, { exact: true })).toBeFocused();
});

test("applied by keyboard, the filters leave focus on what they found, which is counted", async ({
  page,
}) => {
  await signIn(page, EMAIL, PASSWORD);
  await page.goto("/my-tasks");
  const filters = page.getByRole("form", { name: "Filter my tasks" });
  const status = filters.getByLabel("Status");
  await expectHydrated(status);
  // The five overdue tasks are the open ones that have a due date.
  await status.selectOption({ label: "Open (not done)" });
  await filters.getByLabel("Due until").fill("2020-12-31");
  await filters.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/status=TODO%2CIN_PROGRESS/);
  const found = page.getByRole("status").filter({ hasText: "5 tasks match these filters." });
  await expect(found).toBeFocused();

  // Dates the wrong way round say why nothing can match.
  await page.goto("/my-tasks?due_after=2026-12-31&due_before=2026-01-01");
  await expect(
    page.getByText("0 tasks match these filters: “Due from” is after “Due until”, so none can."),
  ).toBeVisible();
});

test("a combination of statuses from a link shows as applied, and Apply keeps it", async ({
  page,
}) => {
  await signIn(page, EMAIL, PASSWORD);
  await page.goto("/my-tasks?status=DONE,TODO");
  const filters = page.getByRole("form", { name: "Filter my tasks" });
  const status = filters.getByLabel("Status");
  await expectHydrated(status);
  await expect(status.locator("option:checked")).toHaveText("To do or Done");
  await filters.getByLabel("Due until").fill("2020-12-31");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/due_before=2020-12-31/);
  expect(new URL(page.url()).searchParams.get("status")).toBe("TODO,DONE");
  await expect(status.locator("option:checked")).toHaveText("To do or Done");
});

test("on a phone the filters start folded, say how many apply, and open from the keyboard", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, EMAIL, PASSWORD);
  await page.goto("/my-tasks?overdue=true&search=Late");
  const filters = page.getByRole("form", { name: "Filter my tasks" });
  const toggle = summaryWith(page, "Show filters");
  await expect(toggle).toHaveAccessibleName("Show filters (2 applied)");
  await expect(filters).toBeHidden();
  // The first task is on the first screen instead of below the form.
  const first = page.getByRole("list", { name: "My tasks" }).getByRole("heading", { level: 2 });
  await expect(first.first()).toBeInViewport();

  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAccessibleName("Hide filters (2 applied)");
  await expectOpen(toggle, true);
  await expect(filters.getByLabel("Text")).toHaveValue("Late");
  await filters.getByLabel("Text").fill("Late 3");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "1 task matches these filters." }),
  ).toBeFocused();
  await expect(filters).toBeHidden();

  // Wide screens show the form as before, with no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(filters).toBeVisible();
  await expect(toggle).toBeHidden();
});

test("an employee searches their tasks and sorts them another way, kept in the address", async ({
  page,
  request,
}) => {
  // One task changed a moment ago: "Recently changed" puts it first.
  const token = await accessToken(request, { email: EMAIL, password: PASSWORD });
  const headers = { authorization: `Bearer ${token}` };
  const found = await request.get("/api/tasks/?search=%22Undated%2030%22", { headers });
  const [task] = ((await found.json()) as { results: { id: number }[] }).results;
  const changed = await request.patch(`/api/tasks/${task!.id}/`, {
    headers,
    data: { status: "IN_PROGRESS" },
  });
  expect(changed.status()).toBe(200);

  await signIn(page, EMAIL, PASSWORD);
  await page.goto("/my-tasks");
  const filters = page.getByRole("form", { name: "Filter my tasks" });
  await expectHydrated(filters.getByLabel("Sort"));
  await filters.getByLabel("Text").fill("Undated");
  await filters.getByLabel("Sort").selectOption({ label: "Recently changed" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(
    /search=Undated.*ordering=-updated_at|ordering=-updated_at.*search=Undated/,
  );
  await expect(
    page.getByRole("status").filter({ hasText: "55 tasks match these filters." }),
  ).toBeVisible();
  const titles = page.getByRole("list", { name: "My tasks" }).getByRole("heading", { level: 2 });
  await expect(titles.first()).toHaveText("Undated 30");
  await expect(filters.getByLabel("Sort")).toHaveValue("-updated_at");
});

test("an employee downloads the tasks their filters find as the import's CSV", async ({ page }) => {
  await signIn(page, EMAIL, PASSWORD);
  await page.goto("/my-tasks?search=Late");
  await expect(page.getByRole("status").filter({ hasText: "5 tasks match" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tasks-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("\uFEFFtitle,description,assigned_to,status,due_date,priority");
  expect(
    lines
      .slice(1)
      .map((line) => line.split(",")[0])
      .sort(),
  ).toEqual(["Late 0", "Late 1", "Late 2", "Late 3", "Late 4"]);
});

test("Export CSV takes the tasks the page lists: a manager's own, and only filters it applied", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const me = (await (await page.request.get("/api/users/me/")).json()) as { id: number };
  const exportOf = async () => {
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const answer = await page.request.get(href!);
    expect(answer.status(), href!).toBe(200);
    return { href: href!, rows: (await answer.text()).trimEnd().split("\r\n").length - 1 };
  };

  await page.goto("/my-tasks");
  const listed = await page.locator("#my-tasks-count").innerText();
  const mine = await exportOf();
  expect(mine.href).toBe(`/api/tasks/export/?assigned_to=${me.id}`);
  expect(listed).toContain(`${mine.rows} ${mine.rows === 1 ? "task" : "tasks"}`);

  await page.goto("/tasks?status=bogus&priority=HIGH");
  await expect(page.getByText(/were not understood and were ignored/)).toBeVisible();
  expect((await exportOf()).href).toBe("/api/tasks/export/?priority=HIGH");
});
