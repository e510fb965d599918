import { expect, test, type Page } from "@playwright/test";
import { createUser } from "./helpers/api";
import { expectAccessible } from "./helpers/axe";
import { DEMO } from "./helpers/demo-accounts";
import { expectOpen, summaryWith } from "./helpers/disclosure";
import { accessToken, signIn } from "./helpers/login";
import { EMAIL_MAX, FULL_NAME_MAX } from "../../lib/validation/user-limits";

/** `SAVE_SCREENSHOTS=1` refreshes the README's pictures; otherwise they go with the test results. */
function shotPath(name: string): string {
  return process.env.SAVE_SCREENSHOTS
    ? `public/screenshots/${name}.png`
    : test.info().outputPath(`${name}.png`);
}
const RUN = Date.now().toString(36);
const MANAGER = {
  name: `Mona Manager ${RUN}`,
  email: `mona.${RUN}@example.com`,
  password: "Mona-Manager-Pass-2026",
};
const EMPLOYEE = { name: `Eddie Employee ${RUN}`, email: `eddie.${RUN}@example.com` };
const TASK_TITLE = `Prepare the quarterly report ${RUN}`;

/** Wide and 375 px: axe finds nothing serious, nothing scrolls sideways, screenshots for README. */
async function checkPage(page: Page, path: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  await page.screenshot({ path: shotPath(name), fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: shotPath(`${name}-375`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

function userRow(page: Page, email: string) {
  return page.getByTestId(`user-row-${email}`);
}

async function openCreateForm(page: Page) {
  const details = page.locator("details", { hasText: "Create a user" });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  return page.getByRole("form", { name: "Create a user" });
}

async function findUser(page: Page, email: string) {
  await page.goto(`/admin/users?search=${encodeURIComponent(email)}`);
  await expect(userRow(page, email)).toBeVisible();
  return userRow(page, email);
}

test.describe.configure({ mode: "serial" });

test("an admin runs the team: create, assign, deactivate, reactivate, change role, audit", async ({
  browser,
  page,
  request,
}) => {
  // Three browsers and a dozen round trips: longer than the default on two shared cores.
  test.setTimeout(240_000);
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await expect(page).toHaveURL(/\/admin$/);

  // The admin creates a manager with a chosen password and an employee with a generated one.
  await page.goto("/admin/users");
  let form = await openCreateForm(page);
  // The boxes stop where the API would refuse.
  await expect(form.getByLabel("Full name")).toHaveAttribute("maxlength", String(FULL_NAME_MAX));
  await expect(form.getByLabel("Email")).toHaveAttribute("maxlength", String(EMAIL_MAX));
  await form.getByLabel("Full name").fill(MANAGER.name);
  await form.getByLabel("Email").fill(MANAGER.email);
  await form.getByLabel("Role").selectOption("MANAGER");
  await form.getByLabel(/Initial password/).fill(MANAGER.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(userRow(page, MANAGER.email)).toContainText("Manager");
  await expect(page.getByTestId("one-time-password")).toHaveCount(0);

  form = await openCreateForm(page);
  await form.getByLabel("Full name").fill(EMPLOYEE.name);
  await form.getByLabel("Email").fill(EMPLOYEE.email);
  await form.getByLabel("Role").selectOption("EMPLOYEE");
  await form.getByRole("button", { name: "Create user" }).click();
  const shown = page.getByTestId("one-time-password");
  await expect(shown).toBeVisible();
  const employeePassword = (await shown.textContent())!.trim();
  expect(employeePassword.length).toBeGreaterThanOrEqual(20);

  // A duplicate email is refused with the reason next to the field.
  form = await openCreateForm(page);
  await form.getByLabel("Full name").fill("Someone Else");
  await form.getByLabel("Email").fill(EMPLOYEE.email.toUpperCase());
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("A user with this email already exists.").first()).toBeVisible();
  // The keyboard is taken to the field at fault.
  await expect(form.getByLabel("Email")).toBeFocused();

  // The new manager, in a browser of their own, assigns a task to the new employee (API token).
  const managerToken = await accessToken(request, MANAGER);
  const users = await request.get(`/api/users/?search=${encodeURIComponent(EMPLOYEE.email)}`, {
    headers: { authorization: `Bearer ${managerToken}` },
  });
  const employeeId = ((await users.json()) as { results: { id: number }[] }).results[0]!.id;
  const created = await request.post("/api/tasks/", {
    headers: { authorization: `Bearer ${managerToken}` },
    data: { title: TASK_TITLE, assigned_to: employeeId, priority: "HIGH" },
  });
  expect(created.status()).toBe(201);
  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signIn(managerPage, MANAGER.email, MANAGER.password);
  await managerPage.goto("/tasks");
  await expect(managerPage.getByText(TASK_TITLE).first()).toBeVisible();

  // The employee signs in with the generated password and sees the task.
  const employeeContext = await browser.newContext();
  const employeePage = await employeeContext.newPage();
  await signIn(employeePage, EMPLOYEE.email, employeePassword);
  await employeePage.goto("/my-tasks");
  await expect(employeePage.getByText(TASK_TITLE).first()).toBeVisible();

  // The admin deactivates the employee, after a confirmation that explains the effect.
  let row = await findUser(page, EMPLOYEE.email);
  await row.getByRole("button", { name: /^Deactivate/ }).click();
  const confirm = page.getByRole("dialog", {
    name: `Deactivate ${EMPLOYEE.name} (${EMPLOYEE.email})?`,
  });
  await expect(confirm).toContainText("signed out everywhere at once");
  await expect(confirm).toContainText("Their tasks and history stay");
  // Work left with them is pointed out, with a way to hand it over first.
  await expect(confirm).toContainText("1 open task is assigned to them and will stay so.");
  await expect(confirm.getByRole("link", { name: "Reassign it first" })).toHaveAttribute(
    "href",
    `/tasks?assigned_to=${employeeId}&status=TODO,IN_PROGRESS`,
  );
  await page.screenshot({ path: shotPath("admin-deactivate-dialog") });
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  // The employee's open session is refused on its next action, and they cannot sign in again.
  await employeePage.getByLabel(`Status of ${TASK_TITLE}`).selectOption("IN_PROGRESS");
  await expect(
    employeePage.getByRole("alert").filter({ hasText: "Your session has ended" }),
  ).toBeVisible();
  await employeePage.goto("/my-tasks");
  await expect(employeePage).toHaveURL(/\/login/);
  await expect(employeePage.getByText("Your session has ended")).toBeVisible();
  await employeePage.getByLabel(/email/i).fill(EMPLOYEE.email);
  await employeePage.getByLabel(/password/i).fill(employeePassword);
  await employeePage.getByRole("button", { name: /sign in/i }).click();
  await expect(employeePage.getByText("Invalid email or password.")).toBeVisible();
  await expect(employeePage).toHaveURL(/\/login/);

  // Their task stays assigned to them.
  const task = await request.get(`/api/tasks/${((await created.json()) as { id: number }).id}/`, {
    headers: { authorization: `Bearer ${managerToken}` },
  });
  expect(((await task.json()) as { assigned_to: number; status: string }).assigned_to).toBe(
    employeeId,
  );
  // And the admin finds them from the person's row, deactivated as they are.
  await row.getByRole("link", { name: `Tasks of ${EMPLOYEE.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?assigned_to=${employeeId}$`));
  await expect(page.getByText(TASK_TITLE).first()).toBeVisible();
  const assigneeFilter = page.getByRole("form", { name: "Filter tasks" }).getByLabel("Assignee");
  await expect(assigneeFilter).toHaveValue(String(employeeId));
  await expect(assigneeFilter.locator("option:checked")).toHaveText(`${EMPLOYEE.name} (inactive)`);

  // Reactivated, they can sign in again.
  row = await findUser(page, EMPLOYEE.email);
  await row.getByRole("button", { name: /^Reactivate/ }).click();
  await page
    .getByRole("dialog", { name: `Reactivate ${EMPLOYEE.name} (${EMPLOYEE.email})?` })
    .getByRole("button", { name: "Reactivate" })
    .click();
  await expect(row).toContainText("Active");
  await signIn(employeePage, EMPLOYEE.email, employeePassword);

  // A role change: the employee becomes a manager.
  await row.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${EMPLOYEE.name} (${EMPLOYEE.email})` });
  await edit.getByLabel("Role").selectOption("MANAGER");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Manager");
  // That role change ended the session they had just opened.
  await employeePage.goto("/my-tasks");
  await expect(employeePage).toHaveURL(/\/login/);

  // Everything is in the activity trail: first the employee's own history, then the admin's work.
  await row.getByRole("link", { name: `History of ${EMPLOYEE.name}` }).click();
  await expect(
    page.getByText(`Showing what happened to ${EMPLOYEE.name} (${EMPLOYEE.email})`),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: /Activity/ }).getByRole("row")).toHaveCount(5);
  await page.goto("/admin/activity");
  await page.getByLabel("Who").selectOption({ label: `Ada Admin (${DEMO.admin.email})` });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/actor=\d+/);
  const trail = page.getByRole("table", { name: /Activity/ });
  for (const kind of ["Role changed", "User reactivated", "User deactivated"]) {
    await expect(
      trail.getByRole("row", { name: new RegExp(`${kind}.*${EMPLOYEE.name}`) }),
    ).toHaveCount(1);
  }
  // Values in words, as the task page gives them: role labels, not the stored codes.
  await expect(trail.getByRole("row", { name: /Role changed/ }).first()).toContainText(
    /role: Employee\s*→.*Manager/,
  );
  await expect(trail.getByRole("row", { name: /User deactivated/ }).first()).toContainText(
    /account: active\s*→.*deactivated/,
  );
  const userCreated = trail.getByRole("row", {
    name: new RegExp(`User created.*${EMPLOYEE.name}`),
  });
  await expect(userCreated).toHaveCount(1);
  // What the account began with, not a change from nothing; each person named with their email.
  await expect(userCreated).toContainText("role: Employee");
  await expect(userCreated).not.toContainText("→");
  await expect(userCreated).toContainText(EMPLOYEE.email);
  await expect(userCreated).toContainText(DEMO.admin.email);
  await expect(
    trail.getByRole("row", { name: new RegExp(`User created.*${MANAGER.name}`) }),
  ).toHaveCount(1);
  await page.getByLabel("Who").selectOption({ label: `${MANAGER.name} (${MANAGER.email})` });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(
    trail.getByRole("row", { name: new RegExp(`Task created.*${TASK_TITLE}`) }),
  ).toHaveCount(1);

  // A generated password, shown once: Escape does not throw it away, Done does close the dialog.
  row = await findUser(page, EMPLOYEE.email);
  await row.getByRole("button", { name: /^Reset password/ }).click();
  const reset = page.getByRole("dialog", {
    name: `Reset the password of ${EMPLOYEE.name} (${EMPLOYEE.email})`,
  });
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByText(`New password for ${EMPLOYEE.email}`)).toBeVisible();
  // The form that had focus is gone: focus is on Copy, not on the page.
  const copy = reset.getByRole("button", { name: "Copy" });
  await expect(copy).toBeFocused();
  // Where the page may not use the clipboard (plain http at a LAN address), Copy says so and
  // selects the password, rather than claiming "Copied".
  await page.evaluate(() =>
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }),
  );
  await copy.click();
  await expect(reset.getByText("This browser did not let the page copy it.")).toBeVisible();
  await expect(copy).toHaveText("Copy");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
    await reset.getByTestId("one-time-password").innerText(),
  );
  // However often: the browser stops honouring a refusal to close after a couple of presses.
  for (let press = 0; press < 4; press++) await page.keyboard.press("Escape");
  await expect(reset.getByTestId("one-time-password")).toBeVisible();
  await reset.getByRole("button", { name: "Done" }).click();
  await expect(reset).toBeHidden();

  await managerContext.close();
  await employeeContext.close();
});

test("the self-demotion and last-admin guards hold in the UI and in the API", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const row = await findUser(page, DEMO.admin.email);
  await expect(row).toContainText("(you)");
  await expect(row.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: /Rules/ })).toContainText(
    "last active admin can never be demoted or deactivated",
  );
  await row.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog", { name: /^Edit / });
  await expect(edit.getByLabel("Role")).toBeDisabled();
  await expect(edit).toContainText("You cannot change your own role");
  await edit.getByRole("button", { name: "Cancel" }).click();

  const token = await accessToken(request, DEMO.admin);
  const me = (await (
    await request.get("/api/users/me/", { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { id: number };
  const demote = await request.patch(`/api/users/${me.id}/`, {
    headers: { authorization: `Bearer ${token}` },
    data: { role: "MANAGER" },
  });
  expect(demote.status()).toBe(400);
  expect(((await demote.json()) as { detail: string }).detail).toMatch(/own role/);
  const deactivate = await request.delete(`/api/users/${me.id}/`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(deactivate.status()).toBe(400);
  // Still an admin, still signed in.
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("every admin page passes axe and fits a 375 px screen", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await checkPage(page, "/admin", "admin-overview");
  await checkPage(page, "/admin/users", "admin-users");
  await checkPage(page, "/admin/activity", "admin-activity");
  await checkPage(page, "/admin/users?search=nobody-matches-this", "admin-users-empty");

  await page.goto("/admin/users");
  await openCreateForm(page);
  await expectAccessible(page);
  await page
    .getByTestId(`user-row-${DEMO.employee.email}`)
    .getByRole("button", { name: /^Reset password/ })
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page);
});

test("on a phone the users' table keeps to the screen, and the admin filters start folded", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  // The sort order is kept by the form but is not a filter.
  await page.goto("/admin/users?role=EMPLOYEE&ordering=email");
  const users = page.getByRole("search", { name: "Filter users" });
  const toggle = summaryWith(page, "Show filters");
  await expect(toggle).toHaveAccessibleName("Show filters (1 applied)");
  await expect(users).toBeHidden();
  // The table starts on the first screen, below the rules, instead of below the form, and keeps
  // to the phone's width: the address and the role go under the name, the dates are left out.
  const table = page.getByRole("table", { name: "Users" });
  await expect(table).toBeInViewport();
  expect(
    await table.evaluate((element) => element.scrollWidth - element.parentElement!.clientWidth),
  ).toBeLessThanOrEqual(0);
  await expect(
    userRow(page, DEMO.employee.email)
      .getByText(DEMO.employee.email, { exact: true })
      .filter({ visible: true }),
  ).toHaveCount(1);
  await expect(table.getByRole("columnheader", { name: /Joined/ })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAccessibleName("Hide filters (1 applied)");
  await expectOpen(toggle, true);
  await users.getByLabel("Role").selectOption("MANAGER");
  await users.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/role=MANAGER&.*ordering=email/);
  await expect(userRow(page, DEMO.manager.email)).toBeVisible();
  await expect(users).toBeHidden();

  // A value the page ignored (and says so) is not counted, shown or carried into its links.
  await page.goto("/admin/users?search=zzzz&role=bogus&is_active=True");
  await expect(page.getByText(/were not understood and were ignored: Role/)).toBeVisible();
  await expect(toggle).toHaveAccessibleName("Show filters (2 applied)");
  await toggle.click();
  await expect(users.getByLabel("Status")).toHaveValue("true");

  // Only the filters count, not the page number.
  await page.goto("/admin/activity?kind=TASK_CREATED&page=1");
  await expect(summaryWith(page, "Show filters")).toHaveAccessibleName("Show filters (1 applied)");
  await page.goto("/admin/activity?kind=TASK_CREATED&actor=abc");
  await expect(summaryWith(page, "Show filters")).toHaveAccessibleName("Show filters (1 applied)");
  await expect(page.getByRole("search", { name: "Filter activity" })).toBeHidden();
});

test("an admin list's page past the end says so and leads back", async ({ page }) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  for (const path of ["/admin/users?page=99", "/admin/activity?page=9999"]) {
    await page.goto(path);
    await expect(page.getByText(/^There is no page \d+: the last is page \d+\.$/)).toBeVisible();
    await page.getByRole("link", { name: "Last page" }).click();
    await expect(page.getByText(/^There is no page/)).toHaveCount(0);
  }
});

test("admin pages are closed to managers and employees", async ({ page }) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  for (const path of ["/admin", "/admin/users", "/admin/activity"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(403);
  }
});

test("a locked-out person shows as such, and Unlock lets them sign in again at once", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const email = `locked.${RUN}@example.com`;
  const password = "Locked-person-passphrase-3";
  const created = await request.post("/api/users/", {
    headers: { authorization },
    data: { email, full_name: `Lou Locked ${RUN}`, role: "EMPLOYEE", password },
  });
  expect(created.status()).toBe(201);
  const apiSignIn = (attempt: string) =>
    request.post("/api/auth/login/", { data: { email, password: attempt } });
  for (let i = 0; i < 5; i += 1) await apiSignIn("someone-guessing");
  expect((await apiSignIn(password)).status()).toBe(429);

  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const row = await findUser(page, email);
  await expect(row.getByText("Locked out until")).toBeVisible();
  // Whoever calls about a lockout is found by it.
  const filters = page.getByRole("search", { name: "Filter users" });
  await filters.getByLabel("Locked out only").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/locked=true/);
  await expect(
    page.getByRole("status").filter({ hasText: "1 user matches these filters." }),
  ).toBeFocused();
  await row.getByRole("button", { name: `Unlock Lou Locked ${RUN} (${email})` }).click();
  await expect(page.getByText(`Lou Locked ${RUN} can sign in again.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(page.getByText("No users match these filters.")).toBeVisible();
  expect((await apiSignIn(password)).status()).toBe(200);
  await findUser(page, email);
  await expect(row.getByText("Locked out until")).toHaveCount(0);
  // The trail names when the lockout would have ended on the company's clock, not as stored.
  const { id } = (await created.json()) as { id: number };
  await page.goto(`/admin/activity?subject=${id}&kind=USER_UNLOCKED`);
  const unlocked = page.getByRole("row").filter({ hasText: "Sign-in lockout lifted" });
  await expect(unlocked).toContainText(/locked until: \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(unlocked).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  // The box shows the filter as the list applied it, however the address spells it.
  await page.goto("/admin/users?locked=1");
  await expect(filters.getByLabel("Locked out only")).toBeChecked();
});

test("an admin corrects a user's email in Edit; one another account has is refused at the field", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const typo = `pat.typo.${RUN}@exmaple.com`;
  const fixed = `pat.${RUN}@example.com`;
  const password = "Pat-person-passphrase-4";
  const created = await request.post("/api/users/", {
    headers: { authorization },
    data: { email: typo, full_name: `Pat Typo ${RUN}`, role: "EMPLOYEE", password },
  });
  expect(created.status()).toBe(201);

  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const row = await findUser(page, typo);
  await row.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog", { name: `Edit Pat Typo ${RUN} (${typo})` });
  const email = edit.getByLabel("Email");
  await expect(email).toHaveValue(typo);
  await expect(email).toHaveAttribute("maxlength", String(EMAIL_MAX));
  await expect(edit.getByLabel("Full name")).toHaveAttribute("maxlength", String(FULL_NAME_MAX));
  await email.fill(DEMO.manager.email);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("A user with this email already exists.").first()).toBeVisible();
  await expect(email).toHaveAttribute("aria-describedby", /-email-error/);
  await expect(email).toBeFocused();
  // Once the address is edited, the message about the one sent no longer stands beside it.
  await email.pressSequentially("x");
  await expect(edit.getByText("A user with this email already exists.")).toHaveCount(0);
  await expect(email).not.toHaveAttribute("aria-describedby", /-email-error/);

  await email.fill(fixed);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await findUser(page, fixed);
  const login = await request.post("/api/auth/login/", { data: { email: fixed, password } });
  expect(login.status()).toBe(200);
});

test("the Overview keeps to a phone's screen when someone's name has no spaces", async ({
  page,
  request,
}) => {
  const login = {
    email: `long-name-${Date.now()}@example.com`,
    password: "Long-name-passphrase-2026",
  };
  await createUser(request, { ...login, full_name: "Maximiliana".repeat(11), role: "MANAGER" });
  // The most open work: the lists show this person first, however many others there are.
  const tasks = Array.from({ length: 40 }, (_, i) => ({ title: `Long-name work ${i}` }));
  const made = await request.post("/api/tasks/bulk-create/", {
    headers: { authorization: `Bearer ${await accessToken(request, login)}` },
    data: { tasks },
  });
  expect(made.status()).toBe(201);

  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: /^(Maximiliana)+$/ }).first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
