import { expect, test } from "@playwright/test";
import mysql from "mysql2/promise";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated, holdScripts } from "./helpers/hydration";
import { signIn } from "./helpers/login";
import { E2E_DATABASE_URL } from "./env";

test.describe.configure({ mode: "serial" });

// More people than a picker is first given (ASSIGNEE_LIST_LIMIT, 500), all sorting before the
// target, so that the target is only found by typing. Their names sort after the demo team's.
const FILLERS = 505;
const DOMAIN = "picker.e2e.test";
const TARGET = { email: `target@${DOMAIN}`, name: "Zzz Picker Target" };
const TITLE = `Picked beyond the list ${Date.now().toString(36)}`;

let db: mysql.Connection;
let targetId = 0;
let taskId = 0;

test.beforeAll(async () => {
  db = await mysql.createConnection(E2E_DATABASE_URL);
  const rows = Array.from({ length: FILLERS }, (_, i) => [
    `filler-${i}@${DOMAIN}`,
    `Zz Filler ${String(i).padStart(3, "0")}`,
    "not-a-password-hash",
  ]);
  rows.push([TARGET.email, TARGET.name, "not-a-password-hash"]);
  await db.query("INSERT INTO users (email, full_name, password_hash) VALUES ?", [rows]);
  const [[target]] = await db.query<mysql.RowDataPacket[]>("SELECT id FROM users WHERE email = ?", [
    TARGET.email,
  ]);
  targetId = Number(target!.id);
});

test.afterAll(async () => {
  await db.query(
    "DELETE FROM tasks WHERE assigned_to IN (SELECT id FROM users WHERE email LIKE ?)",
    [`%@${DOMAIN}`],
  );
  await db.query("DELETE FROM users WHERE email LIKE ?", [`%@${DOMAIN}`]);
  await db.end();
});

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
});

test("a manager assigns a task to someone beyond the people first listed, by typing their e-mail", async ({
  page,
}) => {
  await page.goto("/tasks/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Assignee").fill(TARGET.email);
  // The server is asked once typing pauses; the person then joins the suggestions.
  await expect(page.locator(`datalist option[value*="<${TARGET.email}>"]`)).toHaveCount(1);
  await page.getByRole("button", { name: "Create task" }).click();

  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  const facts = page.getByRole("complementary", { name: "Details" });
  await expect(facts.getByText(TARGET.name)).toBeVisible();
  taskId = Number(/\/tasks\/(\d+)$/.exec(page.url())![1]);
});

test("the edit form shows a deactivated assignee, and saving another change keeps them", async ({
  page,
}) => {
  await db.query("UPDATE users SET is_active = 0 WHERE id = ?", [targetId]);
  await page.goto(`/tasks/${taskId}`);
  await expect(page.getByLabel("Assignee")).toHaveValue(`${TARGET.name} <${TARGET.email}>`);
  await page.getByLabel("Title").fill(`${TITLE} (renamed)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `${TITLE} (renamed)`, level: 1 })).toBeVisible();
  // The form comes back with the saved version, keyboard focus still on its Save button.
  await expect(page.getByRole("button", { name: "Save changes" })).toBeFocused();
  const [[task]] = await db.query<mysql.RowDataPacket[]>(
    "SELECT assigned_to FROM tasks WHERE id = ?",
    [taskId],
  );
  expect(task!.assigned_to).toBe(targetId);
});

test("the Assignee filter keeps someone the list leaves out, and finds others by typing", async ({
  page,
}) => {
  const filters = page.getByRole("form", { name: "Filter tasks" });
  const assignee = filters.getByLabel("Assignee", { exact: true });
  await page.goto(`/tasks?assigned_to=${targetId}`);
  // Deactivated and beyond the list, they are still the filter, named from their tasks.
  await expect(assignee).toHaveValue(`${TARGET.name} <${TARGET.email}>`);
  await page.locator("#filter-priority").selectOption("MEDIUM");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`assigned_to=${targetId}(&|$)`));
  await expect(page.getByRole("link", { name: `${TITLE} (renamed)` })).toBeVisible();

  // Text that names nobody holds the form back rather than quietly filtering by anyone.
  await expectHydrated(assignee);
  await assignee.fill("nobody@nowhere.example");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`assigned_to=${targetId}(&|$)`));
  expect(await assignee.evaluate((input: HTMLInputElement) => input.validationMessage)).toContain(
    "Choose someone the suggestions offer",
  );

  const last = `filler-${FILLERS - 1}@${DOMAIN}`;
  const [[filler]] = await db.query<mysql.RowDataPacket[]>("SELECT id FROM users WHERE email = ?", [
    last,
  ]);
  await assignee.fill(last);
  await expect(filters.locator(`datalist option[value*="<${last}>"]`)).toHaveCount(1);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`assigned_to=${filler!.id}(&|$)`));
  await expect(assignee).toHaveValue(new RegExp(`<${last}>$`));

  // Apply loaded a new page: it is hydrated before the field is cleared (the next test is sooner).
  await expectHydrated(assignee);
  await assignee.fill("");
  await page.getByRole("button", { name: "Apply" }).click();
  // A filter left empty stays out of the address.
  await expect(page).not.toHaveURL(/assigned_to=/);
  await expect(page.getByRole("link", { name: `${TITLE} (renamed)` })).toBeVisible();
});

test("what is typed in the Assignee filter before the page's script has run is what Apply sends", async ({
  page,
}) => {
  const releaseScripts = await holdScripts(page);
  await page.goto(`/tasks?assigned_to=${targetId}`, { waitUntil: "commit" });
  const assignee = page
    .getByRole("form", { name: "Filter tasks" })
    .getByLabel("Assignee", { exact: true });
  await expect(assignee).toHaveValue(`${TARGET.name} <${TARGET.email}>`);
  await assignee.fill("");
  releaseScripts();
  await expectHydrated(assignee);
  await expect(assignee).toHaveValue("");
  await page.getByRole("button", { name: "Apply" }).click();
  // A filter left empty stays out of the address.
  await expect(page).not.toHaveURL(/assigned_to=/);
});

test("the table's bulk reassignment reaches them too", async ({ page }) => {
  const filler = `filler-${FILLERS - 1}@${DOMAIN}`;
  await page.goto(`/tasks?search=${encodeURIComponent(TITLE)}`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("checkbox").check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Action").selectOption("reassign");
  await bulk.getByLabel("Assign to").fill(filler);
  await expect(bulk.locator(`datalist option[value*="<${filler}>"]`)).toHaveCount(1);
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByText("1 of 1 selected task changed.")).toBeVisible();
  const [[task]] = await db.query<mysql.RowDataPacket[]>(
    "SELECT u.email FROM tasks t JOIN users u ON u.id = t.assigned_to WHERE t.id = ?",
    [taskId],
  );
  expect(task!.email).toBe(filler);
  // The refreshed rows clear any selection: choose again only once they are on screen.
  await expect(rows.first()).toContainText(`Zz Filler ${String(FILLERS - 1).padStart(3, "0")}`);

  // Left empty, the picker means nobody: asked once more, since that empties the tasks' assignee.
  await rows.first().getByRole("checkbox").check();
  await bulk.getByLabel("Action").selectOption("reassign");
  await bulk.getByRole("button", { name: "Apply to selected" }).click();
  const confirm = bulk.getByRole("group", { name: "Confirm unassigning" });
  await expect(confirm).toContainText("Leave 1 task with nobody assigned?");
  await confirm.getByRole("button", { name: "Yes, unassign" }).click();
  // The first change's toast may still be up, so the database says when this one is done.
  await expect
    .poll(async () => {
      const [[after]] = await db.query<mysql.RowDataPacket[]>(
        "SELECT assigned_to FROM tasks WHERE id = ?",
        [taskId],
      );
      return after!.assigned_to;
    })
    .toBeNull();
});
