import { expect, test } from "@playwright/test";
import { createTask, userIdByEmail } from "./helpers/api";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

test("a whole page's selection widens to every matching task, and a bulk change reaches them all", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const tag = `Sweep ${Date.now().toString(36)}`;
  const created = await request.post("/api/tasks/bulk-create/", {
    headers: { authorization },
    data: { tasks: Array.from({ length: 45 }, (_, i) => ({ title: `${tag} ${i}` })) },
  });
  expect(created.status()).toBe(201);

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}`);
  await expect(page.locator("tbody tr")).toHaveCount(20);
  const selectPage = page.getByLabel("Select all tasks on this page");
  await expectHydrated(selectPage);
  await selectPage.check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk.getByText("20 selected")).toBeVisible();
  await expect(bulk.getByText("All 20 on this page are selected.")).toBeVisible();

  // Widening keeps keyboard focus on the button, whose words now offer to narrow it back.
  const widen = bulk.getByRole("button", { name: "Select all 45 matching tasks" });
  await widen.focus();
  await page.keyboard.press("Enter");
  await expect(bulk.getByText("All 45 matching tasks selected")).toBeVisible();
  await expect(bulk.getByRole("button", { name: "Select only the 20 on this page" })).toBeFocused();

  // Unticking a row ends "all matching"; ticking it again selects the page, not all 45 again.
  const firstRow = page.locator("tbody tr").first().getByRole("checkbox");
  await firstRow.uncheck();
  await expect(bulk.getByText("19 selected")).toBeVisible();
  await firstRow.check();
  await expect(bulk.getByText("20 selected")).toBeVisible();
  await expect(bulk.getByText("All 45 matching tasks selected")).toHaveCount(0);
  await bulk.getByRole("button", { name: "Select all 45 matching tasks" }).click();
  await expect(bulk.getByText("All 45 matching tasks selected")).toBeVisible();

  await bulk.getByLabel("New status").selectOption("DONE");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByText("45 of 45 selected tasks changed.")).toBeVisible();

  const done = await request.get(
    `/api/tasks/?search=${encodeURIComponent(tag)}&status=DONE&page_size=1`,
    { headers: { authorization } },
  );
  expect(((await done.json()) as { count: number }).count).toBe(45);
});

test("a bulk change says up front which selected tasks are not the manager's to change, and leaves them out", async ({
  page,
  request,
}) => {
  const maria = await accessToken(request, DEMO.manager);
  const mike = await accessToken(request, DEMO.otherManager);
  const me = await request.get("/api/users/me/", { headers: { authorization: `Bearer ${maria}` } });
  const mariaId = ((await me.json()) as { id: number }).id;
  const tag = `Shared ${Date.now().toString(36)}`;
  for (const [token, title, assigned_to] of [
    [maria, `${tag} mine`, null],
    [mike, `${tag} from Mike`, mariaId],
  ] as const) {
    const created = await request.post("/api/tasks/", {
      headers: { authorization: `Bearer ${token}` },
      data: { title, assigned_to },
    });
    expect(created.status()).toBe(201);
  }

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}`);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  const selectPage = page.getByLabel("Select all tasks on this page");
  await expectHydrated(selectPage);
  await selectPage.check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  // Her status to change: both are hers in that sense, nothing to say.
  await expect(bulk.getByText(/not yours to/)).toHaveCount(0);

  await bulk.getByLabel("Action").selectOption("priority");
  const note = bulk.getByText(
    `One of the selected tasks is not yours to change the priority of: “${tag} from Mike”.`,
  );
  await expect(note).toBeVisible();
  // All or nothing: the action is not offered while it would be refused.
  await expect(bulk.getByRole("button", { name: "Apply to selected" })).toBeDisabled();

  await bulk.getByRole("button", { name: "Leave it out" }).click();
  await expect(bulk.getByText("1 selected")).toBeVisible();
  await expect(note).toHaveCount(0);
  await bulk.getByLabel("New priority").selectOption("URGENT");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByText("1 of 1 selected task changed.")).toBeVisible();
});

test("a bulk change that meets a task deleted meanwhile says so, reloads, and then applies", async ({
  page,
  request,
}) => {
  const manager = { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` };
  const tag = `Gone ${Date.now().toString(36)}`;
  const created = await request.post("/api/tasks/bulk-create/", {
    headers: manager,
    data: { tasks: [{ title: `${tag} A` }, { title: `${tag} B` }] },
  });
  expect(created.status()).toBe(201);
  const { ids } = (await created.json()) as { ids: number[] };

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}`);
  const selectPage = page.getByLabel("Select all tasks on this page");
  await expectHydrated(selectPage);
  await selectPage.check();
  expect((await request.delete(`/api/tasks/${ids[0]}/`, { headers: manager })).status()).toBe(204);

  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Action").selectOption("status");
  await bulk.getByLabel("New status").selectOption("DONE");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(
    page.getByText(/One of the selected tasks is no longer there for you/),
  ).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(bulk).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /tasks? · page/ })).toBeFocused();
  await selectPage.check();
  await bulk.getByLabel("Action").selectOption("status");
  await bulk.getByLabel("New status").selectOption("DONE");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByText("1 of 1 selected task changed.")).toBeVisible();
});

test("leaving out every selected task that is not yours keeps the keyboard's place", async ({
  page,
  request,
}) => {
  const tag = `Not mine ${Date.now().toString(36)}`;
  const mariaId = await userIdByEmail(request, DEMO.otherManager, DEMO.manager.email);
  await createTask(request, DEMO.otherManager, { title: tag, assigned_to: mariaId });

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}`);
  const row = page.locator("tbody tr").filter({ hasText: tag });
  await expectHydrated(row.getByRole("checkbox"));
  await row.getByRole("checkbox").check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Action").selectOption("reassign");
  await bulk.getByRole("button", { name: "Leave it out" }).click();
  await expect(bulk).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /tasks? · page/ })).toBeFocused();
});

test("all matching is the set the page counted: every filter of its address, nothing added since", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const tag = `Due sweep ${Date.now().toString(36)}`;
  const tasks = Array.from({ length: 10 }, (_, i) => ({
    title: `${tag} ${i}`,
    due_date: i < 3 ? "2026-12-10" : "2027-06-01",
    status: i === 0 ? "IN_PROGRESS" : "TODO",
  }));
  const created = await request.post("/api/tasks/bulk-create/", {
    headers: { authorization },
    data: { tasks },
  });
  expect(created.status()).toBe(201);
  const count = async (query: string) => {
    const found = await request.get(
      `/api/tasks/?search=${encodeURIComponent(`"${tag}"`)}&page_size=1${query}`,
      { headers: { authorization } },
    );
    return ((await found.json()) as { count: number }).count;
  };

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  // A due date and a repeated status: filters the boxes do not all show, which the list applies.
  await page.goto(
    `/tasks?search=${encodeURIComponent(tag)}&due_before=2026-12-31&status=TODO&status=IN_PROGRESS&page_size=2`,
  );
  await expect(page.getByRole("status").filter({ hasText: "3 tasks · page 1 of 2" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Next page" })).toHaveAttribute(
    "href",
    /due_before=2026-12-31/,
  );
  const selectPage = page.getByLabel("Select all tasks on this page");
  await expectHydrated(selectPage);
  await selectPage.check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByRole("button", { name: "Select all 3 matching tasks" }).click();
  await expect(bulk.getByText("All 3 matching tasks selected")).toBeVisible();

  // A colleague's task joins the filters' results after the selection: it is not deleted unseen.
  const late = await request.post("/api/tasks/", {
    headers: { authorization },
    data: { title: `${tag} late`, due_date: "2026-12-11" },
  });
  expect(late.status()).toBe(201);

  await bulk.getByLabel("Action").selectOption("delete");
  await bulk.getByRole("button", { name: "Delete selected" }).click();
  await expect(bulk.getByText("Delete 3 tasks for good?")).toBeVisible();
  await bulk.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("3 tasks deleted.")).toBeVisible();
  expect(await count("")).toBe(8);
  expect(await count("&due_before=2026-12-31")).toBe(1);
});

test("a bulk delete refuses a selected task someone changed after the table loaded, and deletes nothing", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const tag = `Stale ${Date.now().toString(36)}`;
  const created = await request.post("/api/tasks/bulk-create/", {
    headers: { authorization },
    data: { tasks: [{ title: `${tag} kept` }, { title: `${tag} changed` }] },
  });
  expect(created.status()).toBe(201);
  const ids = ((await created.json()) as { ids: number[] }).ids;

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}`);
  const selectPage = page.getByLabel("Select all tasks on this page");
  await expectHydrated(selectPage);
  await selectPage.check();
  // A colleague finishes one of them while the table is open.
  const finished = await request.patch(`/api/tasks/${ids[1]}/`, {
    headers: { authorization },
    data: { status: "DONE" },
  });
  expect(finished.status()).toBe(200);

  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Action").selectOption("delete");
  await bulk.getByRole("button", { name: "Delete selected" }).click();
  await bulk.getByRole("button", { name: "Yes, delete" }).click();
  await expect(
    page.getByText(
      `Someone changed 1 selected task since the table was loaded (“${tag} changed”); nothing was changed.`,
    ),
  ).toBeVisible();
  const left = await request.get(`/api/tasks/?search=${encodeURIComponent(tag)}`, {
    headers: { authorization },
  });
  expect(((await left.json()) as { count: number }).count).toBe(2);
  // The table now shows the task as it is.
  await expect(page.getByRole("row").filter({ hasText: `${tag} changed` })).toContainText("Done");
});

test("all matching tasks are held to the versions they had when chosen, beyond the page shown too", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const tag = `Held ${Date.now().toString(36)}`;
  const created = await request.post("/api/tasks/bulk-create/", {
    headers: { authorization },
    data: { tasks: Array.from({ length: 25 }, (_, i) => ({ title: `${tag} ${i}` })) },
  });
  expect(created.status()).toBe(201);
  const ids = ((await created.json()) as { ids: number[] }).ids;

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}&page_size=20`);
  const selectPage = page.getByLabel("Select all tasks on this page");
  await expectHydrated(selectPage);
  await selectPage.check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByRole("button", { name: "Select all 25 matching tasks" }).click();
  await expect(bulk.getByText("All 25 matching tasks selected")).toBeVisible();
  // A task the page does not show is changed after the user chose them all.
  let hidden: { id: number; title: string } | undefined;
  for (const [i, id] of ids.entries()) {
    const title = `${tag} ${i}`;
    if ((await page.getByRole("link", { name: title, exact: true }).count()) === 0) {
      hidden = { id, title };
      break;
    }
  }
  expect(hidden).toBeDefined();
  const changed = await request.patch(`/api/tasks/${hidden!.id}/`, {
    headers: { authorization },
    data: { priority: "URGENT" },
  });
  expect(changed.status()).toBe(200);

  await bulk.getByLabel("New status").selectOption("DONE");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(
    page.getByText(
      `Someone changed 1 selected task since the table was loaded (“${hidden!.title}”); nothing was changed.`,
    ),
  ).toBeVisible();
  const done = await request.get(
    `/api/tasks/?search=${encodeURIComponent(tag)}&status=DONE&page_size=1`,
    { headers: { authorization } },
  );
  expect(((await done.json()) as { count: number }).count).toBe(0);
});
