import { expect, test, type Page } from "@playwright/test";
import { createTask, createUser, userIdByEmail } from "./helpers/api";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

/** Holds the task page's answers (the refresh after a save, the new task's page) for `ms`. */
async function slowTaskPages(page: Page, ms: number): Promise<void> {
  await page.route(/\/tasks\/\d+(\?|$)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

test("a saved task waits for its new version: a second save goes through, nothing typed is lost", async ({
  page,
  request,
}) => {
  const id = await createTask(request, DEMO.manager, { title: `Saved twice ${Date.now()}` });
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const title = page.getByLabel("Title");
  const save = page.getByRole("button", { name: /Save changes|Saving…/ });
  await expect(save).toHaveText("Save changes");
  await slowTaskPages(page, 1500);

  await title.fill("First edit");
  await save.click();
  // Until the page shows the saved version, the form stays busy and its texts take no typing,
  // which the remount with that version would throw away.
  await expect(save).toHaveText("Saving…");
  await expect(title).toHaveAttribute("readonly", "");
  await expect(save).toHaveText("Save changes");
  await expect(title).toHaveValue("First edit");

  // The second save sends the new version: no "someone else saved" refusal.
  await title.fill("Second edit");
  await save.click();
  await expect(save).toHaveText("Save changes");
  await expect(page.getByText(/Someone else saved this task/)).toHaveCount(0);
  const saved = await request.get(`/api/tasks/${id}/`, {
    headers: { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` },
  });
  expect(await saved.json()).toMatchObject({ title: "Second edit", version: 3 });
});

test("a new task's button stays busy until its page comes, so a second press creates nothing", async ({
  page,
  request,
}) => {
  const tag = `Created once ${Date.now()}`;
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks/new");
  await page.getByLabel("Title").fill(tag);
  await slowTaskPages(page, 2000);
  const create = page.getByRole("button", { name: "Create task" });
  await create.click();
  const busy = page.getByRole("button", { name: "Saving…" });
  await expect(busy).toHaveAttribute("aria-disabled", "true");
  await busy.click({ force: true });
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  // The keyboard stays where it was, on the form's button, not at the top of the new page.
  await expect(page.getByRole("button", { name: "Save changes" })).toBeFocused();
  const found = await request.get(`/api/tasks/?search=${encodeURIComponent(`"${tag}"`)}`, {
    headers: { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` },
  });
  expect(((await found.json()) as { count: number }).count).toBe(1);
});

test("a long unbroken title in the task's history wraps instead of widening the page", async ({
  page,
  request,
}) => {
  const id = await createTask(request, DEMO.manager, { title: "W".repeat(200) });
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const renamed = await request.patch(`/api/tasks/${id}/`, {
    headers: { authorization },
    data: { title: "Q".repeat(200) },
  });
  expect(renamed.status()).toBe(200);
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/tasks/${id}`);
    await expect(page.getByText(/changed the title from/)).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
  }
});

test("an assignee deactivated while the form was open is refused in words, at the field", async ({
  page,
  request,
}) => {
  const admin = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const email = `leaving-${Date.now()}@example.com`;
  const id = await createUser(request, { email, full_name: "Lee Leaving", role: "EMPLOYEE" });

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks/new");
  await page.getByLabel("Title").fill(`For Lee ${Date.now()}`);
  const assignee = page.getByLabel("Assignee");
  await assignee.fill(email);
  await expect(page.locator(`datalist option[value*="<${email}>"]`)).toHaveCount(1);
  await assignee.fill(`Lee Leaving <${email}>`);
  const gone = await request.delete(`/api/users/${id}/`, { headers: { authorization: admin } });
  expect(gone.status()).toBe(204);
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(
    page.getByText("This person can no longer be given tasks (deactivated, or their role changed)"),
  ).toBeVisible();
  await expect(page.getByText(`User ${id} `)).toHaveCount(0);
  await expect(assignee).toBeFocused();
});

test("what was typed and not saved comes back after leaving the page inside the app, until discarded", async ({
  page,
  request,
}) => {
  const id = await createTask(request, DEMO.manager, {
    title: `Draft ${Date.now()}`,
    description: "Saved text",
  });
  const emmaId = await userIdByEmail(request, DEMO.manager, DEMO.employee.email);
  const leaveAndComeBack = async (path: RegExp) => {
    await page.getByRole("navigation").getByRole("link", { name: "Board" }).click();
    await expect(page).toHaveURL(/\/board$/);
    await page.goBack();
    await expect(page).toHaveURL(path);
  };
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const description = page.getByLabel("Description");
  const assignee = page.getByLabel("Assignee");
  await expectHydrated(description);
  await description.fill("Typed, not saved");
  await assignee.fill(DEMO.employee.email);
  await leaveAndComeBack(/\/tasks\/\d+$/);

  await expect(description).toHaveValue("Typed, not saved");
  // The person chosen is named again, as the form will save them.
  await expect(assignee).toHaveValue(new RegExp(`<${DEMO.employee.email}>$`));
  const note = page.getByRole("status").filter({ hasText: "Your unsaved changes are back" });
  await expect(note).toBeVisible();
  await note.getByRole("button", { name: "Discard them" }).click();
  await expect(description).toHaveValue("Saved text");
  await expect(assignee).toHaveValue("");
  await expect(page.getByLabel("Title")).toBeFocused();
  await expect(note).toHaveCount(0);
  await page.reload();
  await expect(description).toHaveValue("Saved text");

  // A new task's draft: restored with its assignee, saved as shown, and gone once created.
  await page.goto("/tasks/new");
  const title = page.getByLabel("Title");
  await expectHydrated(title);
  await title.fill(`Drafted ${id}`);
  await assignee.fill(DEMO.employee.email);
  await leaveAndComeBack(/\/tasks\/new$/);
  await expect(title).toHaveValue(`Drafted ${id}`);
  await expect(assignee).toHaveValue(new RegExp(`<${DEMO.employee.email}>$`));
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const createdId = Number(new URL(page.url()).pathname.split("/").pop());
  const created = await request.get(`/api/tasks/${createdId}/`, {
    headers: { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` },
  });
  expect(await created.json()).toMatchObject({ title: `Drafted ${id}`, assigned_to: emmaId });
  await page.goto("/tasks/new");
  await expectHydrated(title);
  await expect(page.getByRole("status").filter({ hasText: "unsaved changes" })).toHaveCount(0);
  await expect(title).toHaveValue("");
});

test("changes left unsaved while someone else saved the task are offered, and applied over theirs", async ({
  page,
  request,
}) => {
  const title = `Outdated draft ${Date.now()}`;
  const id = await createTask(request, DEMO.manager, { title, description: "Saved text" });
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const renameAs = async (name: string) => {
    const renamed = await request.patch(`/api/tasks/${id}/`, {
      headers: { authorization },
      data: { title: name },
    });
    expect(renamed.status()).toBe(200);
  };
  const leaveWhile = async (meanwhile: () => Promise<void>) => {
    await page.getByRole("navigation").getByRole("link", { name: "Board" }).click();
    await expect(page).toHaveURL(/\/board$/);
    await meanwhile();
    // Loaded anew: Back would show the page as the router cached it, at the old version.
    await page.goto(`/tasks/${id}`);
  };
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const titleField = page.getByLabel("Title");
  const description = page.getByLabel("Description");
  await expectHydrated(description);
  await description.fill("Typed, not saved");
  await leaveWhile(() => renameAs(`${title} (renamed)`));

  // The saved version is shown; the typing is offered, never laid over it unasked.
  const offer = page.getByRole("status").filter({ hasText: "You left unsaved changes to" });
  await expect(offer).toContainText("Description, and this task has been saved since");
  await expect(titleField).toHaveValue(`${title} (renamed)`);
  await expect(description).toHaveValue("Saved text");
  await offer.getByRole("button", { name: "Apply my changes" }).click();
  await expect(description).toHaveValue("Typed, not saved");
  await expect(description).toBeFocused();
  await expect(titleField).toHaveValue(`${title} (renamed)`);
  await expect(page.getByRole("status")).toContainText("over the version saved since");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Task saved.")).toBeVisible();
  const saved = await request.get(`/api/tasks/${id}/`, { headers: { authorization } });
  expect(await saved.json()).toMatchObject({
    title: `${title} (renamed)`,
    description: "Typed, not saved",
  });

  // Discarded, the offer is gone for good.
  await description.fill("Typed again");
  await leaveWhile(() => renameAs(`${title} (renamed twice)`));
  await offer.getByRole("button", { name: "discard them" }).click();
  await expect(offer).toHaveCount(0);
  await expect(description).toHaveValue("Typed, not saved");
  await expect(titleField).toBeFocused();
  await page.reload();
  await expectHydrated(description);
  await expect(titleField).toHaveValue(`${title} (renamed twice)`);
  await expect(page.getByRole("status").filter({ hasText: "unsaved changes" })).toHaveCount(0);
});

test("a due date typed only in part is refused at the field, not saved as no date", async ({
  page,
  request,
}) => {
  const id = await createTask(request, DEMO.manager, {
    title: `Part of a date ${Date.now().toString(36)}`,
    due_date: "2026-12-20",
  });
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const saved = async () =>
    (await (await request.get(`/api/tasks/${id}/`, { headers: { authorization } })).json()) as {
      due_date: string | null;
      version: number;
    };
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const dueDate = page.getByLabel("Due date");
  await expectHydrated(dueDate);
  // The date picker offers the days a task may be due, no more.
  await expect(dueDate).toHaveAttribute("min", "1000-01-01");
  await expect(dueDate).toHaveAttribute("max", "9999-12-30");

  // One part of the date cleared from the keyboard: the input then holds no whole date.
  await dueDate.focus();
  await page.keyboard.press("Backspace");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByText("Enter a whole date that exists, or clear the field for no due date."),
  ).toBeVisible();
  await expect(dueDate).toBeFocused();
  await expect(dueDate).toHaveAttribute("aria-invalid", "true");
  expect(await saved()).toMatchObject({ due_date: "2026-12-20", version: 1 });

  // Cleared whole, it is what it says: no due date.
  await dueDate.fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Task saved.")).toBeVisible();
  expect(await saved()).toMatchObject({ due_date: null, version: 2 });
});

test("Discard changes puts the form back as saved, and no draft of it comes back", async ({
  page,
  request,
}) => {
  const title = `Discarded ${Date.now()}`;
  const id = await createTask(request, DEMO.manager, { title, description: "Saved text" });
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const titleField = page.getByLabel("Title");
  const description = page.getByLabel("Description");
  const discard = page.getByRole("button", { name: "Discard changes" });
  await expectHydrated(description);
  // Nothing to discard yet.
  await expect(discard).toHaveCount(0);

  await titleField.fill("Typed title");
  await description.fill("Typed, not saved");
  // A person typed in part, whom the form could not resolve: discarded with the rest.
  await page.getByLabel("Assignee").fill("Nobody by th");
  await discard.click();
  await expect(titleField).toHaveValue(title);
  await expect(description).toHaveValue("Saved text");
  await expect(page.getByLabel("Assignee")).toHaveValue("");
  await expect(titleField).toBeFocused();
  await expect(discard).toHaveCount(0);
  // What is left saves: nothing of the discarded person holds the form back.
  await titleField.fill(`${title} (kept)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Task saved.")).toBeVisible();
  await expect(titleField).toHaveValue(`${title} (kept)`);
  await page.reload();
  await expectHydrated(description);
  await expect(description).toHaveValue("Saved text");
  await expect(page.getByRole("status").filter({ hasText: "unsaved changes" })).toHaveCount(0);

  // A new task's form is emptied.
  await page.goto("/tasks/new");
  const newTitle = page.getByLabel("Title");
  await expectHydrated(newTitle);
  await newTitle.fill("Not wanted after all");
  await discard.click();
  await expect(newTitle).toHaveValue("");
  await expect(discard).toHaveCount(0);
});

test("a due date left typed in part comes back as the saved date, said so, never as no date", async ({
  page,
  request,
}) => {
  const id = await createTask(request, DEMO.manager, {
    title: `Unfinished date ${Date.now().toString(36)}`,
    due_date: "2026-12-20",
  });
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const dueDate = page.getByLabel("Due date");
  const description = page.getByLabel("Description");
  // One part of the date cleared from the keyboard (the input then holds no whole date), then away.
  const leaveDateUnfinished = async () => {
    await expectHydrated(dueDate);
    await dueDate.focus();
    await page.keyboard.press("Backspace");
    await page.getByRole("navigation").getByRole("link", { name: "Board" }).click();
    await expect(page).toHaveURL(/\/board$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/tasks\/\d+$/);
  };
  await expectHydrated(description);
  await description.fill("Typed, not saved");
  await leaveDateUnfinished();

  await expect(description).toHaveValue("Typed, not saved");
  await expect(dueDate).toHaveValue("2026-12-20");
  const hint = page.getByText("The due date you were typing was unfinished when you left");
  await expect(hint).toBeVisible();
  await expect(dueDate).toHaveAccessibleDescription(/was unfinished when you left/);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Task saved.")).toBeVisible();
  const saved = await request.get(`/api/tasks/${id}/`, {
    headers: { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` },
  });
  expect(await saved.json()).toMatchObject({
    description: "Typed, not saved",
    due_date: "2026-12-20",
  });
  await expect(hint).toHaveCount(0);

  // The date alone left unfinished: the form comes back as saved, and says so at its top too.
  await leaveDateUnfinished();
  await expect(dueDate).toHaveValue("2026-12-20");
  await expect(
    page.getByRole("status").filter({ hasText: "was unfinished when you left" }),
  ).toBeVisible();
});
