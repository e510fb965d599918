import { expect, test } from "@playwright/test";
import { createTask } from "./helpers/api";
import { DEMO } from "./helpers/demo-accounts";
import { moveCardByKeyboard } from "./helpers/board";
import { expectHydrated } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

test("the board's filters, applied by keyboard, leave focus on what they found", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const tag = `Boarded ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: {
      tasks: [
        { title: `${tag} one` },
        { title: `${tag} two`, status: "DONE" },
        { title: `${tag} three`, status: "IN_PROGRESS" },
      ],
    },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);

  await page.goto("/board");
  // dnd-kit's live region exists once the board is hydrated: the form's handler is attached.
  await expect(page.locator('[id^="DndLiveRegion"]')).toBeAttached();
  const filters = page.getByRole("form", { name: "Filter tasks" });
  await filters.getByLabel("Text").fill(tag);
  await filters.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/search=Boarded/);
  await expect(page.getByRole("status").filter({ hasText: "3 tasks on the board" })).toBeFocused();
});

test("a task added on a filtered board takes its person and priority; one its filters leave out says so", async ({
  page,
  request,
}) => {
  const tag = `Quick ${Date.now().toString(36)}`;
  // A person of this test's own, so that the demo employees' task lists stay as seeded.
  const person = {
    email: `${tag.replace(" ", ".").toLowerCase()}@example.com`,
    name: `Quinn ${tag}`,
  };
  const created = await request.post("/api/users/", {
    headers: { authorization: `Bearer ${await accessToken(request, DEMO.admin)}` },
    data: {
      email: person.email,
      full_name: person.name,
      role: "EMPLOYEE",
      password: "Quick-add-passphrase-5",
    },
  });
  expect(created.status()).toBe(201);
  const assignee = (await created.json()) as { id: number };
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const origin = { Origin: new URL(page.url()).origin };

  await page.goto(`/board?assigned_to=${assignee.id}&priority=HIGH`);
  await expect(page.locator('[id^="DndLiveRegion"]')).toBeAttached();
  await page.getByRole("button", { name: "+ Add task to To do" }).click();
  const title = page.getByLabel("Title of the new task in To do");
  await expect(title).toHaveAccessibleDescription(
    `As the board is filtered, it gets ${person.name} as assignee and High priority.`,
  );
  await title.fill(`${tag} kept`);
  await page.keyboard.press("Enter");
  const toDo = page.getByRole("list", { name: "To do tasks" });
  await expect(toDo.getByText(`${tag} kept`)).toBeVisible();
  await page.reload();
  await expect(toDo.getByText(`${tag} kept`)).toBeVisible();
  const kept = await page.request.get(`/api/tasks/?search=${encodeURIComponent(`${tag} kept`)}`, {
    headers: origin,
  });
  expect((await kept.json()) as { results: unknown[] }).toMatchObject({
    results: [{ assigned_to: assignee.id, priority: "HIGH", status: "TODO" }],
  });

  // A search cannot be given to a task: the board says where the new one went.
  await page.goto(`/board?search=${encodeURIComponent(`${tag} elsewhere`)}`);
  await expect(page.locator('[id^="DndLiveRegion"]')).toBeAttached();
  await page.getByRole("button", { name: "+ Add task to To do" }).click();
  await title.fill(`${tag} left out`);
  await page.keyboard.press("Enter");
  const notice = page.getByText(
    `“${tag} left out” is not shown: the board's filters leave it out.`,
  );
  await expect(notice).toBeVisible();
  await page.getByRole("button", { name: "Open it" }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${tag} left out`);
});

test("two people whose short names meet are told apart on the cards", async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const first = `Zed${stamp}`;
  const admin = { authorization: `Bearer ${await accessToken(request, DEMO.admin)}` };
  const ids: number[] = [];
  for (const family of ["Abbott", "Adams"]) {
    const created = await request.post("/api/users/", {
      headers: admin,
      data: {
        email: `${first}.${family}@example.com`.toLowerCase(),
        full_name: `${first} ${family}`,
        role: "EMPLOYEE",
        password: "Namesake-passphrase-7",
      },
    });
    expect(created.status()).toBe(201);
    ids.push(((await created.json()) as { id: number }).id);
  }
  const tag = `Namesakes ${stamp}`;
  const manager = { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` };
  const tasks = await request.post("/api/tasks/bulk-create/", {
    headers: manager,
    data: { tasks: ids.map((id, i) => ({ title: `${tag} ${i}`, assigned_to: id })) },
  });
  expect(tasks.status()).toBe(201);

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/board?search=${encodeURIComponent(tag)}`);
  const card = (i: number) => page.getByRole("listitem").filter({ hasText: `${tag} ${i}` });
  await expect(card(0)).toContainText(`${first} Ab.`);
  await expect(card(1)).toContainText(`${first} Ad.`);
});

test("filters left empty stay out of the address", async ({ page }) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks");
  const filters = page.getByRole("form", { name: "Filter tasks" });
  await filters.getByLabel("Priority").selectOption({ label: "High" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/priority=HIGH/);
  const names = [...new URL(page.url()).searchParams.keys()].sort();
  expect(names).toEqual(["ordering", "page_size", "priority"]);
});

test("statuses or priorities combined by a link show as applied, and Apply keeps them", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  // Given in any order, and several at once: as "Open tasks of …" links and the API allow.
  await page.goto("/tasks?status=DONE,TODO&priority=URGENT,HIGH");
  const filters = page.getByRole("form", { name: "Filter tasks" });
  const status = filters.getByLabel("Status");
  await expectHydrated(status);
  await expect(status.locator("option:checked")).toHaveText("To do or Done");
  await expect(filters.getByLabel("Priority").locator("option:checked")).toHaveText(
    "High or Urgent",
  );
  await filters.getByLabel("Text").fill("report");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/search=report/);
  const applied = new URL(page.url()).searchParams;
  expect([applied.get("status"), applied.get("priority")]).toEqual(["TODO,DONE", "HIGH,URGENT"]);
  // The combination is one more choice: the single statuses and "Open" are still there.
  await status.selectOption({ label: "Open (not done)" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=TODO%2CIN_PROGRESS/);
});

test("after Back, the filter boxes show the filters the list applies, not what was typed before leaving", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks?status=IN_PROGRESS&search=report&ordering=priority");
  const filters = page.getByRole("form", { name: "Filter tasks" });
  const status = filters.getByLabel("Status");
  await expectHydrated(status);
  // Changed here, then applied: the page left behind still holds these edits.
  await status.selectOption({ label: "Any status" });
  await filters.getByLabel("Text").fill("");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).not.toHaveURL(/search=report/);

  await page.goBack();
  await expect(page).toHaveURL(/status=IN_PROGRESS&search=report/);
  await expectHydrated(status);
  await expect(status.locator("option:checked")).toHaveText("In progress");
  await expect(filters.getByLabel("Text")).toHaveValue("report");
});

test("moving a card whose task was deleted meanwhile says so and takes the card away", async ({
  page,
  request,
}) => {
  const title = `Deleted meanwhile ${Date.now().toString(36)}`;
  const id = await createTask(request, DEMO.manager, { title });
  const manager = { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` };

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/board?search=${encodeURIComponent(title)}`);
  await expect(page.getByRole("listitem").filter({ hasText: title })).toBeVisible();
  expect((await request.delete(`/api/tasks/${id}/`, { headers: manager })).status()).toBe(204);

  await moveCardByKeyboard(page, title, "ArrowRight", "In progress");
  await expect(page.getByText("This task is no longer there for you")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "0 tasks on the board" })).toBeVisible();
});
