import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { moveCardByKeyboard } from "./helpers/board";
import { expectOpen, summaryWith } from "./helpers/disclosure";
import { expectHydrated, holdScripts } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";
import { saveScreenshot } from "./helpers/screenshots";

test.describe.configure({ mode: "serial" });

const NEW_TITLE = `Launch checklist ${Date.now().toString(36)}`;

function column(page: Page, status: "TODO" | "IN_PROGRESS" | "DONE"): Locator {
  return page.locator(`section[data-column="${status}"]`);
}

async function dragWithMouse(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
}

/** axe's serious and critical findings inside the toasts on screen. */
async function toastViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include("[data-sonner-toaster]").analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
});

test("a manager lands on the board, creates a task and assigns it", async ({ page }) => {
  await expect(page).toHaveURL(/\/board$/);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "New task" })
    .click();
  await page.getByLabel("Title").fill(NEW_TITLE);
  await page.getByLabel("Description").fill("Everything that must be ready before launch day.");
  await page.getByLabel("Priority").selectOption("HIGH");
  await page.getByLabel("Due date").fill("2030-01-15");
  await page.getByLabel("Assignee").fill("Emma Evans <emma.employee@example.com>");
  await page.getByRole("button", { name: "Create task" }).click();

  await expect(page.getByRole("heading", { name: NEW_TITLE, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const facts = page.getByRole("complementary", { name: "Details" });
  await expect(facts.getByText("Emma Evans")).toBeVisible();
  await expect(facts.getByText("High")).toBeVisible();
  await expect(facts.getByText("Assigned by")).toBeVisible();
  await expect(page.getByText("created the task")).toBeVisible();
  // The toast saying so covers neither Sign out nor the new task's Delete: both stay in reach.
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "created" });
  await expect(toast).toBeVisible();
  for (const button of [
    page.getByRole("button", { name: "Sign out" }),
    page.getByRole("button", { name: "Delete task" }),
  ]) {
    const [toastBox, buttonBox] = [(await toast.boundingBox())!, (await button.boundingBox())!];
    const apart =
      toastBox.y >= buttonBox.y + buttonBox.height ||
      buttonBox.y >= toastBox.y + toastBox.height ||
      toastBox.x >= buttonBox.x + buttonBox.width ||
      buttonBox.x >= toastBox.x + toastBox.width;
    expect(apart, `the toast covers ${await button.innerText()}`).toBe(true);
  }
});

test("the form shows errors next to the fields and refuses someone not in the list", async ({
  page,
}) => {
  await page.goto("/tasks/new");
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByText("Title is required.")).toBeVisible();
  await page.getByLabel("Title").fill("Anything");
  await page.getByLabel("Assignee").fill("Nobody we know");
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByText("Choose a person from the list, or leave it empty.")).toBeVisible();
  // Focus goes to the field to correct, as for the other fields' errors.
  await expect(page.getByLabel("Assignee")).toBeFocused();
  await expect(page).toHaveURL(/\/tasks\/new$/);

  // A day already past is allowed, and said: the task would be overdue at once, unless done.
  const hint = page.getByText("That day has passed: the task will show as overdue.");
  await page.getByLabel("Due date").fill("2020-01-01");
  await expect(hint).toBeVisible();
  await expect(page.getByLabel("Due date")).toHaveAccessibleDescription(/That day has passed/);
  await page.getByLabel("Status").selectOption("DONE");
  await expect(hint).toHaveCount(0);
  await page.getByLabel("Status").selectOption("TODO");
  await page.getByLabel("Due date").fill("2099-01-01");
  await expect(hint).toHaveCount(0);

  // Near its limit a field counts its characters (an emoji is one), and says by how much it is over.
  const description = page.getByLabel("Description");
  await description.fill("x".repeat(7_999));
  await expect(page.getByText(/characters/)).toHaveCount(0);
  await description.fill(`${"x".repeat(9_999)}😀`);
  await expect(description).toHaveAccessibleDescription(/^10,000 of 10,000 characters$/);
  await description.fill("x".repeat(10_003));
  await expect(description).toHaveAccessibleDescription(/10,003 of 10,000 characters: 3 too many/);
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByText("Description must be at most 10,000 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/tasks\/new$/);
});

test("the new task moves across the board by mouse and by keyboard, and stays moved", async ({
  page,
}) => {
  await page.goto(`/board?search=${encodeURIComponent(NEW_TITLE)}`);
  const card = (status: "TODO" | "IN_PROGRESS" | "DONE") =>
    column(page, status).getByRole("listitem").filter({ hasText: NEW_TITLE });
  await expect(card("TODO")).toBeVisible();

  // dnd-kit's live region exists once the board is hydrated and listening.
  await expect(page.locator('[id^="DndLiveRegion"]')).toBeAttached();
  await dragWithMouse(page, card("TODO"), column(page, "IN_PROGRESS"));
  await expect(card("IN_PROGRESS")).toBeVisible();
  await expect(page.getByText(/moved to In progress/)).toBeVisible();
  await page.reload();
  await expect(card("IN_PROGRESS")).toBeVisible();

  await moveCardByKeyboard(page, NEW_TITLE, "ArrowRight", "Done");
  await expect(card("DONE")).toBeVisible();
  await expect(page.getByText(/moved to Done/)).toBeVisible();
  await page.reload();
  await expect(card("DONE")).toBeVisible();
  // The filter stayed in the URL through both reloads.
  await expect(page.getByLabel("Text")).toHaveValue(NEW_TITLE);

  // Someone else edits the task meanwhile: the stale move is refused, the board reloads, says so.
  const href = await card("DONE").getByRole("link").getAttribute("href");
  const changed = await page.request.patch(`/api/tasks/${href!.split("/").pop()}/`, {
    data: { priority: "URGENT" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(changed.status()).toBe(200);
  await moveCardByKeyboard(page, NEW_TITLE, "ArrowLeft", "In progress");
  await expect(page.getByText(/was changed by someone else meanwhile/)).toBeVisible();
  await expect(card("DONE")).toBeVisible();
  await expect(card("DONE").getByText("Urgent")).toBeVisible();
  // The keyboard stays on the card, back in its column, ready for the next move.
  const move = card("DONE").getByRole("button", { name: `Move “${NEW_TITLE}”`, exact: true });
  await expect(move).toBeFocused();
  // Big enough for a finger: WCAG 2.2's 24 by 24 pixels.
  const handle = await move.boundingBox();
  expect(Math.min(handle!.width, handle!.height)).toBeGreaterThanOrEqual(24);

  // The server never gets the move (offline, a proxy's 502): the card goes back, and says why.
  await page.route("**/board**", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"]
      ? route.abort("failed")
      : route.fallback(),
  );
  await moveCardByKeyboard(page, NEW_TITLE, "ArrowLeft", "In progress");
  await expect(page.getByText(/could not be reached or failed; nothing was saved/)).toBeVisible();
  await expect(card("DONE")).toBeVisible();
  await page.unroute("**/board**");
  await page.reload();
  await expect(card("DONE")).toBeVisible();

  // Two moves in a row on a slow connection: the second waits for the first, no false conflict.
  await page.route("**/board**", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await route.fallback();
  });
  await moveCardByKeyboard(page, NEW_TITLE, "ArrowLeft", "In progress");
  // The first drop is announced (its save still under way) before the card is picked up again.
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText("was dropped in In progress");
  await expect(card("IN_PROGRESS")).toBeVisible();
  await moveCardByKeyboard(page, NEW_TITLE, "ArrowLeft", "To do");
  await expect(page.getByText(/moved to To do/)).toBeVisible();
  await expect(page.getByText(/was changed by someone else meanwhile/)).toHaveCount(0);
  await page.unroute("**/board**");
  await page.reload();
  await expect(card("TODO")).toBeVisible();
});

test("two tasks are reassigned at once from the table", async ({ page }) => {
  await page.goto("/tasks?search=Client+follow-up+call&ordering=title");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(5);
  const picked = [rows.nth(0), rows.nth(1)];
  const titles = await Promise.all(picked.map((row) => row.getByRole("link").innerText()));
  for (const row of picked) await row.getByRole("checkbox").check();

  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk.getByText("2 selected")).toBeVisible();
  await bulk.getByLabel("Action").selectOption("reassign");
  await bulk.getByLabel("Assign to").fill("Tom Tanaka <tom.employee@example.com>");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByText("2 of 2 selected tasks changed.")).toBeVisible();
  // The bar and its button are gone: focus waits on the task count, and the toast is readable.
  await expect(page.getByRole("status").filter({ hasText: /tasks? · page/ })).toBeFocused();
  expect(await toastViolations(page)).toEqual([]);

  await page.reload();
  for (const title of titles) {
    await expect(
      page.locator("tbody tr").filter({ hasText: title }).getByRole("cell", { name: "Tom Tanaka" }),
    ).toBeVisible();
  }
  await expect(
    page.locator("tbody tr").filter({ has: page.getByRole("cell", { name: "Tom Tanaka" }) }),
  ).toHaveCount(2);
});

test("a bulk delete's confirmation can be used and cancelled from the keyboard alone", async ({
  page,
}) => {
  await page.goto("/tasks?ordering=title");
  await page.locator("tbody tr").first().getByRole("checkbox").check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Action").selectOption("delete");
  const remove = bulk.getByRole("button", { name: "Delete selected" });
  await remove.focus();
  await page.keyboard.press("Enter");
  const cancel = bulk.getByRole("group", { name: "Confirm deletion" }).getByRole("button", {
    name: "Cancel",
  });
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(remove).toBeFocused();
  // Escape cancels too, from either of its buttons.
  await page.keyboard.press("Enter");
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Escape");
  await expect(remove).toBeFocused();
  await expect(bulk.getByRole("group", { name: "Confirm deletion" })).toHaveCount(0);

  // The Columns picker closes on Escape, focus back on its button.
  const columns = page.getByText("Columns", { exact: true });
  await columns.click();
  const visibleColumns = page.getByRole("group", { name: "Visible columns" });
  await expect(visibleColumns).toBeVisible();
  await visibleColumns.getByRole("checkbox").first().focus();
  await page.keyboard.press("Escape");
  await expect(visibleColumns).toBeHidden();
  await expect(columns).toBeFocused();
  // And, as a menu does, on a click elsewhere and when Tab leaves its last box.
  await columns.click();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(visibleColumns).toBeHidden();
  await columns.click();
  await visibleColumns.getByRole("checkbox").last().focus();
  await page.keyboard.press("Tab");
  await expect(visibleColumns).toBeHidden();

  // A column chosen stays chosen through a reload, in this browser.
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: /^Version/ })).toHaveCount(0);
  await columns.click();
  await visibleColumns.getByRole("checkbox", { name: "Version" }).check();
  await expect(table.getByRole("columnheader", { name: /^Version/ })).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("table").getByRole("columnheader", { name: /^Version/ })).toHaveCount(
    1,
  );
  await page.getByText("Columns", { exact: true }).click();
  await page
    .getByRole("group", { name: "Visible columns" })
    .getByRole("checkbox", { name: "Version" })
    .uncheck();
});

test("a table filter lives in the URL and survives a reload", async ({ page }) => {
  await page.goto("/tasks");
  const filters = page.getByRole("form", { name: "Filter tasks" });
  await filters.getByLabel("Priority").selectOption("HIGH");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/priority=HIGH/);
  const priorities = page.locator("tbody tr td").filter({ hasText: /^Priority: / });
  await expect(priorities.first()).toBeVisible();
  for (const text of await priorities.allInnerTexts()) expect(text).toContain("High");

  await page.reload();
  await expect(filters.getByLabel("Priority")).toHaveValue("HIGH");
  for (const text of await priorities.allInnerTexts()) expect(text).toContain("High");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    /\/api\/tasks\/export\/\?.*priority=HIGH/,
  );

  // Clear is a link, not a reload: the fields must follow the URL, or the next Apply brings the
  // cleared filter back.
  await filters.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(filters.getByLabel("Priority")).toHaveValue("");
  await filters.getByLabel("Text").fill("a");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/search=a/);
  expect(page.url()).not.toContain("priority=HIGH");
});

test("Escape closes the quick add, the delete question and the phone menu, and focus goes back", async ({
  page,
}) => {
  await page.goto("/board");
  const addToDo = page.getByRole("button", { name: "+ Add task to To do" });
  await addToDo.click();
  const newTitle = page.getByLabel("Title of the new task in To do");
  await expect(newTitle).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(addToDo).toBeFocused();
  // A refused title and its message do not come back with the next Add task.
  await addToDo.click();
  await newTitle.fill("   ");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Title is required." })).toBeVisible();
  await page.keyboard.press("Escape");
  await addToDo.click();
  await expect(newTitle).toHaveValue("");
  await expect(page.getByRole("alert").filter({ hasText: "Title is required." })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(addToDo).toBeFocused();

  await page.goto(`/tasks?search=${encodeURIComponent(NEW_TITLE)}`);
  await page.getByRole("link", { name: NEW_TITLE, exact: true }).click();
  await page.getByRole("button", { name: "Delete task" }).click();
  const question = page.getByRole("group", { name: "Confirm deletion" });
  await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete task" })).toBeFocused();

  await page.setViewportSize({ width: 375, height: 740 });
  const menu = summaryWith(page, "Menu");
  await menu.click();
  await expectOpen(menu, true);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link").first().focus();
  await page.keyboard.press("Escape");
  await expectOpen(menu, false);
  await expect(menu).toBeFocused();
});

test("an edit that meets someone else's save keeps what was typed until the user reloads", async ({
  page,
}) => {
  await page.goto(`/tasks?search=${encodeURIComponent(NEW_TITLE)}`);
  await page.getByRole("link", { name: NEW_TITLE, exact: true }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const id = page.url().split("/").pop();
  await page.getByLabel("Description").fill("Typed while someone else saved");
  const changed = await page.request.patch(`/api/tasks/${id}/`, {
    data: { priority: "LOW" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(changed.status()).toBe(200);
  await page.getByRole("button", { name: "Save changes" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Your changes are still below." });
  await expect(alert).toBeVisible();
  // Said once, in the form, in plain words: no toast repeats it, no "reload it" contradicts it.
  await expect(
    page.getByText(/^Someone else saved this task while you were editing it/),
  ).toHaveCount(1);
  await expect(page.getByText(/modified by someone else/)).toHaveCount(0);
  await expect(page.getByLabel("Description")).toHaveValue("Typed while someone else saved");
  // Keyboard focus stayed on Save through the wait and the refusal.
  await expect(page.getByRole("button", { name: "Save changes" })).toBeFocused();
  await alert.getByRole("button", { name: "Load the saved version" }).click();
  await expect(page.getByLabel("Priority")).toHaveValue("LOW");
  await expect(page.getByLabel("Description")).not.toHaveValue("Typed while someone else saved");
  // The button pressed went with the old form: the new one takes focus from its first field.
  await expect(page.getByLabel("Title")).toBeFocused();
});

test("a task form with unsaved typing asks before the tab is closed or reloaded", async ({
  page,
}) => {
  await page.goto("/tasks/new");
  const title = page.getByLabel("Title");
  await expectHydrated(title);
  // A click first: browsers ask only on a page the user has interacted with.
  await title.click();
  await page.keyboard.type("Half-typed");
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
});

test("the task form sends nothing before the page's script has run, and saves what was typed once it runs", async ({
  page,
}) => {
  const releaseScripts = await holdScripts(page);
  await page.goto("/tasks/new", { waitUntil: "commit" });
  const sent: string[] = [];
  page.on("request", (request) => sent.push(request.url()));
  const early = `Typed early ${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill(early);
  await page.getByLabel("Description").fill("Before the script");
  await page.getByLabel("Priority").selectOption("HIGH");
  // The browser's own submission would drop the typing and put it in the address.
  await page.getByLabel("Title").press("Enter");
  await expect(page.getByRole("button", { name: "Create task" })).toBeDisabled();
  expect(sent.filter((url) => url.includes("title="))).toEqual([]);
  releaseScripts();
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByRole("heading", { name: early, level: 1 })).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("Before the script");
  await expect(page.getByLabel("Priority")).toHaveValue("HIGH");
});

test("an unassigned task's page names who created it, not who assigned it", async ({ page }) => {
  const created = await page.request.post("/api/tasks/", {
    data: { title: `Nobody's yet ${Date.now().toString(36)}` },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/tasks/${((await created.json()) as { id: number }).id}`);
  const facts = page.getByRole("complementary", { name: "Details" });
  await expect(facts.getByText("Nobody")).toBeVisible();
  await expect(facts.getByText("Created by")).toBeVisible();
  await expect(facts.getByText("Assigned by")).toHaveCount(0);
});

test("a page number past the end says so and leads to the last page", async ({ page }) => {
  await page.goto("/tasks?page=999");
  await expect(page.getByText(/^There is no page 999: the last is page \d+\.$/)).toBeVisible();
  // The count line does not claim to show a page that does not exist.
  await expect(page.getByText(/page 999 of/)).toHaveCount(0);
  const toLast = page.getByRole("link", { name: /^Go to page \d+$/ });
  const last = (await toLast.innerText()).replace(/\D/g, "");
  await expect(page.getByRole("link", { name: "Last page" })).toHaveAttribute(
    "href",
    new RegExp(`page=${last}(&|$)`),
  );
  await toLast.click();
  await expect(page.getByText(new RegExp(`page ${last} of ${last}$`))).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
});

test("a CSV with one bad row is reported by line and imports nothing; the fixed file imports", async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const header = "title,description,assigned_to,status,due_date,priority";
  const rows = [
    `Imported A ${tag},First,emma.employee@example.com,TODO,2030-02-01,LOW`,
    `Imported B ${tag},Second,eli.employee@example.com,FINISHED,2030-02-02,HIGH`,
    `Imported C ${tag},Third,,IN_PROGRESS,,MEDIUM`,
  ];
  const bad = [header, ...rows].join("\n");
  const good = bad.replace("FINISHED", "DONE");

  await page.goto("/tasks/import");
  await expect(page.getByRole("link", { name: "Download a sample CSV" })).toHaveAttribute(
    "href",
    "/sample-tasks.csv",
  );
  const chooser = page.getByLabel("Choose a CSV file");
  await chooser.setInputFiles({
    name: "tasks.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(bad),
  });
  await expect(page.getByText("6 columns detected, 3 rows.")).toBeVisible();
  // Every row is shown, so the preview does not say "The first 3 are shown".
  await expect(page.getByText(/The first \d+ are shown/)).toHaveCount(0);
  await expect(page.getByRole("cell", { name: `Imported B ${tag}` })).toBeVisible();
  await page.getByRole("button", { name: "Check the file" }).click();
  const report = page.getByRole("region").filter({ hasText: "Nothing was imported" });
  await expect(report).toBeVisible();
  await expect(report.getByRole("cell", { name: "Line 3" })).toBeVisible();
  await expect(report.getByRole("cell", { name: "FINISHED" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await saveScreenshot(page, "manager-import-report", true);

  await page.goto(`/tasks?search=${tag}`);
  await expect(page.getByText("No task matches these filters.")).toBeVisible();

  await page.goto("/tasks/import");
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "tasks.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(/The file is valid: 3 tasks ready to import/)).toBeVisible();
  // The file names people by e-mail (or id): the check says who they are before anything is saved.
  const assignees = page.getByRole("region", { name: "Who gets the tasks" });
  await expect(assignees.getByRole("listitem")).toHaveText([
    "Eli Edwards <eli.employee@example.com>: 1 task",
    "Emma Evans <emma.employee@example.com>: 1 task",
    "Nobody assigned: 1 task",
  ]);
  await page.getByRole("button", { name: "Import 3 tasks" }).click();
  await expect(page.getByRole("heading", { name: "Imported 3 tasks." })).toBeVisible();
  // The import's buttons are gone with the file: keyboard focus moves to what it did.
  await expect(page.getByRole("heading", { name: "Imported 3 tasks." })).toBeFocused();
  // Said once: not again in the API's words below the heading.
  await expect(page.getByText("3 tasks uploaded successfully")).toHaveCount(0);
  await saveScreenshot(page, "manager-import-summary", true);

  await page.goto(`/tasks?search=${tag}`);
  await expect(page.locator("tbody tr")).toHaveCount(3);
});

test("an import report says when it lists only the first problems, and shows why on a phone", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const rows = Array.from({ length: 1005 }, (_, i) => `Bad ${i},,,NOPE`);
  const csv = ["title,description,assigned_to,status", ...rows].join("\n");
  await page.goto("/tasks/import");
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  const report = page.getByRole("region").filter({ hasText: "Nothing was imported" });
  await expect(report.getByText("The first 1,000 of 1,005 problems are listed.")).toBeVisible();
  // A screen reader is told the verdict and what to do, not 1,000 rows in one breath.
  const announced = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(announced).toBeVisible();
  await expect(announced.getByRole("table")).toHaveCount(0);
  // The reason sits beside the line number, inside the screen's width.
  const reason = report.getByRole("row").nth(1).getByRole("cell").nth(1);
  await expect(reason).toContainText("Status must be one of");
  const box = (await reason.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
});

test("a spreadsheet, a picture or UTF-16 text chosen for import is named, not previewed", async ({
  page,
}) => {
  await page.goto("/tasks/import");
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "photo.csv", mimeType: "text/csv", buffer: png });
  await expect(
    page.getByText(
      "photo.csv: This file is binary, not CSV text; upload a .csv file saved as UTF-8.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Check the file" })).toHaveCount(0);
  // Excel's "Unicode Text": named by its encoding, which is what the person can change.
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from("title\r\nA\r\n", "utf16le"),
  ]);
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "unicode.csv", mimeType: "text/csv", buffer: utf16 });
  await expect(
    page.getByText(
      "unicode.csv: This file is UTF-16 text; save it as CSV UTF-8 and upload it again.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Check the file" })).toHaveCount(0);
});

test("a file whose column names differ is mapped to ours before it is sent", async ({ page }) => {
  const tag = Date.now().toString(36);
  const csv = [
    "Name,Notes,Assignee,State",
    `Mapped ${tag},From a sheet,tom.employee@example.com,TODO`,
  ].join("\n");
  await page.goto("/tasks/import");
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "sheet.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const mapping = page.getByRole("group", { name: "Match the columns" });
  await expect(mapping).toBeVisible();
  await expect(mapping.getByLabel("Title (title) *")).toHaveValue("Name");
  await expect(mapping.getByLabel("Status (empty: To do) (status)")).toHaveValue("State");
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "Import 1 task" }).click();
  await expect(page.getByRole("heading", { name: "Imported 1 task." })).toBeVisible();
  await page.goto(`/tasks?search=${tag}`);
  await expect(page.locator("tbody tr").getByRole("cell", { name: "Tom Tanaka" })).toBeVisible();
});

test("a file without a description or an assignee column imports, those fields left empty", async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const csv = ["title,status", `Lean ${tag},IN_PROGRESS`].join("\n");
  await page.goto("/tasks/import");
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "lean.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const mapping = page.getByRole("group", { name: "Match the columns" });
  await expect(mapping.getByLabel("Description (empty: none) (description)")).toHaveValue("");
  await expect(mapping.getByLabel("Assignee: user id or e-mail (empty: nobody)")).toHaveValue("");
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "Import 1 task" }).click();
  await expect(page.getByRole("heading", { name: "Imported 1 task." })).toBeVisible();
  // Chosen again, the same file is checked as valid, with a warning that it was imported already.
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "lean.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(
    page.getByText(/You already imported this same file on .+ \(1 task\)/),
  ).toBeVisible();
  await page.goto(`/tasks?search=${tag}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").getByRole("cell", { name: "In progress" })).toBeVisible();
});

test("the file goes as it is: a Latin-1 sheet is refused at its line, a semicolon file is explained", async ({
  page,
}) => {
  await page.goto("/tasks/import");
  const chooser = page.getByLabel("Choose a CSV file");
  const latin1 = Buffer.from(
    "Name,Notes,Assignee,State\nCaf\xe9 r\xe9sum\xe9,d\xe9tail,,TODO\n",
    "latin1",
  );
  await chooser.setInputFiles({ name: "excel.csv", mimeType: "text/csv", buffer: latin1 });
  await expect(page.getByRole("group", { name: "Match the columns" })).toBeVisible();
  await expect(
    page.getByRole("alert").filter({ hasText: "This file is not saved as UTF-8" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(
    page.getByText(/not valid UTF-8 \(first invalid byte on line 2\)/).first(),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  await chooser.setInputFiles({
    name: "european.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("title;description;assigned_to;status\nA;;;TODO\n"),
  });
  await expect(
    page.getByRole("alert").filter({ hasText: "separated by semicolons" }),
  ).toBeVisible();
  // Nothing to match its one column to, and nothing to check until it is saved again.
  await expect(page.getByRole("group", { name: "Match the columns" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Check the file" })).toBeDisabled();

  await chooser.setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await expect(page.getByText("empty.csv is empty.")).toBeVisible();
  expect(await toastViolations(page)).toEqual([]);
});

test("an import whose answer was lost is sent again with its key and imports once", async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const csv = [
    "title,description,assigned_to,status",
    `Once ${tag} a,,,TODO`,
    `Once ${tag} b,,,TODO`,
  ];
  await page.goto("/tasks/import");
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "once.csv", mimeType: "text/csv", buffer: Buffer.from(csv.join("\n")) });
  await page.getByRole("button", { name: "Check the file" }).click();

  // The first import reaches the server, but its answer never reaches the page.
  const keys: (string | null)[] = [];
  await page.route(
    (url) => url.pathname === "/api/tasks/bulk-upload/" && !url.searchParams.has("dry_run"),
    async (route) => {
      keys.push(await route.request().headerValue("idempotency-key"));
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort("connectionreset");
    },
  );
  await page.getByRole("button", { name: "Import 2 tasks" }).click();
  await expect(page.getByText("The server could not be reached.")).toBeVisible();
  await expect(page.getByText(/may have been saved before its answer was lost/)).toBeVisible();
  await expect(page.getByText("Nothing was imported.")).toHaveCount(0);
  // The Import button went with the lost answer: the keyboard is left on the one that retries.
  await expect(page.getByRole("button", { name: "Retry the import" })).toBeFocused();
  await page.getByRole("button", { name: "Retry the import" }).click();
  await expect(page.getByRole("heading", { name: "Imported 2 tasks." })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^import-[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);

  await page.goto(`/tasks?search=Once ${tag}`);
  await expect(page.locator("tbody tr")).toHaveCount(2);
});

test("on a phone, a long file name and title stay on screen, and a refused import leaves focus on its report", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const tag = Date.now().toString(36);
  const admin = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const email = `leaving.${tag}@example.com`;
  const created = await request.post("/api/users/", {
    headers: { authorization: admin },
    data: {
      email,
      full_name: `Leaving ${tag}`,
      role: "EMPLOYEE",
      password: "Leaving-passphrase-3",
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const longTitle = `Unbroken${tag}`.padEnd(150, "x");
  const csv = ["title,description,assigned_to,status", `${longTitle},,${email},TODO`].join("\n");
  const name = `Q4_2026_team_tasks_export_from_old_system_final_FINAL_v3_${tag}.csv`;
  const wide = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

  await page.goto("/tasks/import");
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("heading", { name: `Preview of ${name}` })).toBeVisible();
  expect(await wide()).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(/The file is valid: 1 task ready/)).toBeVisible();

  // Between the check and the import, the assignee leaves: the import is refused.
  const leaving = await request.patch(`/api/users/${id}/`, {
    headers: { authorization: admin },
    data: { is_active: false },
  });
  expect(leaving.status()).toBe(200);
  await page.getByRole("button", { name: "Import 1 task" }).click();
  await expect(page.locator("#problems-heading")).toBeFocused();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toBeVisible();

  const back = await request.patch(`/api/users/${id}/`, {
    headers: { authorization: admin },
    data: { is_active: true },
  });
  expect(back.status()).toBe(200);
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "Import 1 task" }).click();
  await expect(page.getByRole("heading", { name: "Imported 1 task." })).toBeFocused();
  await expect(page.getByRole("link", { name: longTitle })).toBeVisible();
  expect(await wide()).toBeLessThanOrEqual(0);
});

test("a chosen file's preview takes focus, and a column named twice is refused before the check", async ({
  page,
}) => {
  await page.goto("/tasks/import");
  const csv = "title,Title,description,assigned_to,status\nA,B,,,TODO\n";
  await page
    .getByLabel("Choose a CSV file")
    .setInputFiles({ name: "twice.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const heading = page.getByRole("heading", { name: "Preview of twice.csv" });
  await expect(heading).toBeFocused();
  await expect(heading).toHaveAccessibleDescription("5 columns detected, 1 row.");
  await expect(
    page.getByRole("alert").filter({ hasText: "The file has more than one column named: title." }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Check the file" })).toBeDisabled();

  await page.getByLabel("Choose a CSV file").setInputFiles({
    name: "same.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv.replace("Title", "title")),
  });
  await expect(
    page.getByRole("alert").filter({ hasText: "Duplicate column(s): title." }),
  ).toBeVisible();
  await expect(page.getByText("no mapping is needed")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Check the file" })).toBeDisabled();
});
