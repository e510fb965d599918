import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { expectOpen, summaryWith } from "./helpers/disclosure";
import { expectHydrated } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

const RUN = Date.now().toString(36);

async function createUser(
  request: APIRequestContext,
  user: { email: string; full_name: string; role: string; password: string },
): Promise<number> {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const created = await request.post("/api/users/", { headers: { authorization }, data: user });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: number }).id;
}

function userRow(page: Page, email: string) {
  return page.getByTestId(`user-row-${email}`);
}

test("the users' filters and a change that takes a row out of them keep the keyboard's place", async ({
  page,
  request,
}) => {
  const tag = `keep.${RUN}`;
  const people = ["Ann", "Bob"].map((name) => ({
    email: `${name.toLowerCase()}.${tag}@example.com`,
    full_name: `${name} Keep ${RUN}`,
    role: "EMPLOYEE",
    password: "Keep-place-passphrase-1",
  }));
  for (const person of people) await createUser(request, person);

  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/users?role=EMPLOYEE");
  const search = page
    .getByRole("search", { name: "Filter users" })
    .getByLabel("Search name or email");
  await expectHydrated(search);
  await search.fill(tag);
  await search.press("Enter");
  // Focus lands on what the filters found, not at the top of the page.
  await expect(
    page.getByRole("status").filter({ hasText: "2 users match these filters." }),
  ).toBeFocused();

  // Ann becomes a manager: her row leaves this list, and focus goes to Bob's, not to the page.
  await userRow(page, people[0]!.email).getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog", { name: /^Edit Ann/ });
  await edit.getByLabel("Role").selectOption("MANAGER");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(userRow(page, people[0]!.email)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "1 user matches" })).toBeVisible();
  await expect(
    userRow(page, people[1]!.email).getByRole("link", { name: `Tasks of ${people[1]!.full_name}` }),
  ).toBeFocused();

  // A search that finds nobody says so and leads back to everyone.
  await page.goto(`/admin/users?search=nobody-${tag}`);
  await expect(page.getByText("No users match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Show all users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("status").filter({ hasText: /^\d+ users\.$/ })).toBeVisible();
  // A filter value the page had to leave out filters nothing, and the count does not pretend so.
  await page.goto("/admin/users?role=OWNER");
  await expect(page.getByRole("alert").filter({ hasText: "Role" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^\d+ users\.$/ })).toBeVisible();
});

test("an admin's own row leads to Your account, and a reset aimed at oneself is refused", async ({
  page,
  request,
}) => {
  // An admin of its own: were the refusal ever to fail, the demo admin's password would stay.
  const admin = { email: `own.row.${RUN}@example.com`, password: "Own-row-admin-passphrase-6" };
  const adminId = await createUser(request, {
    ...admin,
    full_name: `Oona Own ${RUN}`,
    role: "ADMIN",
  });

  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/users?search=${encodeURIComponent(admin.email)}`);
  const own = userRow(page, admin.email);
  await expect(own.getByRole("button", { name: /^Reset password/ })).toHaveCount(0);
  await expect(own.getByRole("link", { name: "Change your password" })).toHaveAttribute(
    "href",
    "/account",
  );

  // A crafted call of the reset action with one's own id, as a number and as the string the
  // action's parser also takes: refused at the field both times, nothing changed.
  await page.goto(`/admin/users?search=${encodeURIComponent(DEMO.employee.email)}`);
  const forged: unknown[] = [adminId, String(adminId)];
  await page.route("**/admin/users**", async (route) => {
    const call = route.request();
    if (call.method() !== "POST" || !call.headers()["next-action"]) return route.continue();
    const args = JSON.parse(call.postData() ?? "[]") as unknown[];
    args[0] = forged.shift();
    await route.continue({ postData: JSON.stringify(args) });
  });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await userRow(page, DEMO.employee.email)
      .getByRole("button", { name: /^Reset password/ })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/New password/).fill("Own-password-by-the-back-door-1");
    await dialog.getByRole("button", { name: "Reset password" }).click();
    await expect(dialog.getByText(/Change your own password on Your account page/)).toBeVisible();
    await expect(dialog.getByLabel(/New password/)).toHaveAttribute("aria-invalid", "true");
    await dialog.getByRole("button", { name: "Cancel" }).click();
  }
  expect(forged).toEqual([]);
  await page.unrouteAll();
  expect((await request.post("/api/auth/login/", { data: admin })).status()).toBe(200);
});

test("the Edit dialog marks a refused field, and Unlock leaves focus in its row", async ({
  page,
  request,
}) => {
  const email = `edit.${RUN}@example.com`;
  const password = "Edit-dialog-passphrase-2";
  await createUser(request, { email, full_name: `Eve Edit ${RUN}`, role: "EMPLOYEE", password });
  for (let i = 0; i < 5; i += 1) {
    await request.post("/api/auth/login/", { data: { email, password: "a wrong guess" } });
  }

  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto(`/admin/users?search=${encodeURIComponent(email)}`);
  const row = userRow(page, email);
  await row.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog", { name: /^Edit Eve/ });
  // Name first, as in Create.
  await expect(edit.getByRole("textbox").first()).toHaveAccessibleName("Full name");
  await edit.getByLabel("Full name").fill("   ");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  await expect(edit.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await edit.getByRole("button", { name: "Cancel" }).click();

  await row.getByRole("button", { name: /^Unlock/ }).click();
  await expect(row.getByRole("button", { name: /^Unlock/ })).toHaveCount(0);
  await expect(row.getByRole("button", { name: /^Sign out .* everywhere$/ })).toBeFocused();
});

test("each generated password starts uncopied, with focus on its own Copy button", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/users");
  await page.locator("summary", { hasText: "Create a user" }).click();
  const form = page.getByRole("form", { name: "Create a user" });
  const copy = page.getByRole("button", { name: /^Cop(y|ied)$/ });
  for (const name of ["Gus", "Hal"]) {
    await form.getByLabel("Full name").fill(`${name} Generated ${RUN}`);
    await form.getByLabel("Email").fill(`${name.toLowerCase()}.generated.${RUN}@example.com`);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText(`Initial password for ${name.toLowerCase()}.`)).toBeVisible();
    await expect(copy).toHaveText("Copy");
    await expect(copy).toBeFocused();
    await copy.click();
    await expect(copy).toHaveText("Copied");
  }
});

test("a session that ends while a dialog is open: its own notice offers sign-in, the entry stays", async ({
  browser,
  page,
  request,
}) => {
  const admin = {
    email: `second.admin.${RUN}@example.com`,
    password: "Second-admin-passphrase-5",
  };
  await createUser(request, { ...admin, full_name: `Sam Second ${RUN}`, role: "ADMIN" });

  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/users?search=${encodeURIComponent(DEMO.employee.email)}`);
  await userRow(page, DEMO.employee.email).getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog", { name: /^Edit / });
  await edit.getByLabel("Full name").fill(`Renamed while signed out ${RUN}`);

  // Elsewhere, the same admin signs out everywhere.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, admin.email, admin.password);
  await otherPage.goto("/account");
  await otherPage.getByRole("button", { name: "Sign out everywhere" }).click();
  await otherPage.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();

  await edit.getByRole("button", { name: "Save" }).click();
  const notice = edit.getByRole("alert").filter({ hasText: /Your session has ended, so/ });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("link", { name: "Sign in (new tab)" })).toHaveAttribute(
    "target",
    "_blank",
  );
  await expect(edit.getByLabel("Full name")).toHaveValue(`Renamed while signed out ${RUN}`);
});

test("on a phone the menu closes when a tap or the keyboard goes elsewhere", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = summaryWith(nav, "Menu");
  await expectHydrated(menu);

  await menu.click();
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  // Below the open menu: a tap on the page, away from it.
  await page.mouse.click(187, 760);
  await expectOpen(menu, false);
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();

  await menu.click();
  const links = nav.getByRole("link");
  await links.last().focus();
  await page.keyboard.press("Tab");
  await expectOpen(menu, false);
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
});

test("an admin signs someone out everywhere: their open browser goes to sign-in, their password still works", async ({
  browser,
  page,
  request,
}) => {
  const person = {
    email: `lost.laptop.${RUN}@example.com`,
    full_name: `Lane Laptop ${RUN}`,
    role: "EMPLOYEE",
    password: "Lost-laptop-passphrase-7",
  };
  await createUser(request, person);
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, person.email, person.password);
  await expect(theirPage).toHaveURL(/\/my-tasks$/);

  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto(`/admin/users?search=${encodeURIComponent(person.email)}`);
  const row = userRow(page, person.email);
  const signOut = row.getByRole("button", {
    name: `Sign out ${person.full_name} (${person.email}) everywhere`,
  });
  await signOut.click();
  const dialog = page.getByRole("dialog", {
    name: `Sign out ${person.full_name} (${person.email}) everywhere?`,
  });
  await expect(dialog).toContainText("Their password stays");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(
    page.getByText(`${person.full_name} (${person.email}) is signed out everywhere.`),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/login/);
  await signIn(theirPage, person.email, person.password);
  await expect(theirPage).toHaveURL(/\/my-tasks$/);
  await theirs.close();

  await page.goto("/admin/activity?kind=USER_SIGNED_OUT");
  await expect(page.getByRole("table").getByText(person.full_name).first()).toBeVisible();
  // The admin's own row has no such button: one's own sessions end from Your account.
  await page.goto(`/admin/users?search=${encodeURIComponent(DEMO.admin.email)}`);
  const own = userRow(page, DEMO.admin.email);
  await expect(own.getByRole("button", { name: /^Edit/ })).toBeVisible();
  await expect(own.getByRole("button", { name: /^Sign out .* everywhere$/ })).toHaveCount(0);
});

test("a crafted Deactivate that sends its flag as text is refused, never read as true", async ({
  page,
  request,
}) => {
  const email = `flag.${RUN}@example.com`;
  const id = await createUser(request, {
    email,
    full_name: `Flo Flag ${RUN}`,
    role: "EMPLOYEE",
    password: "Flag-as-text-passphrase-1",
  });
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const isActive = async () =>
    (
      (await (await request.get(`/api/users/${id}/`, { headers: { authorization } })).json()) as {
        is_active: boolean;
      }
    ).is_active;

  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto(`/admin/users?search=${encodeURIComponent(email)}`);
  // The Deactivate press, sent as the string "false": truthy, it reactivated instead.
  await page.route("**/admin/users**", async (route) => {
    const call = route.request();
    if (call.method() !== "POST" || !call.headers()["next-action"]) return route.continue();
    const args = JSON.parse(call.postData() ?? "[]") as unknown[];
    args[1] = String(args[1]);
    await route.continue({ postData: JSON.stringify(args) });
  });
  await userRow(page, email)
    .getByRole("button", { name: /^Deactivate/ })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(dialog.getByText("Say whether the account is to be active.")).toBeVisible();
  expect(await isActive()).toBe(true);
});
