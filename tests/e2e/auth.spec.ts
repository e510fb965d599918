import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { createUser } from "./helpers/api";
import { holdScripts } from "./helpers/hydration";
import { accessToken } from "./helpers/login";

async function fillAndSubmit(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const homes = [
  { role: "EMPLOYEE", account: DEMO.employee, home: "/my-tasks" },
  { role: "MANAGER", account: DEMO.manager, home: "/board" },
  { role: "ADMIN", account: DEMO.admin, home: "/admin" },
] as const;

test("a session that ended is said so on the sign-in page; a first visit is not", async ({
  page,
  context,
}) => {
  await page.goto("/my-tasks");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmy-tasks$/);
  await expect(page.getByText("Your session has ended")).toHaveCount(0);
  // A session cookie that no longer reads: expired, or signed with a secret since rotated.
  await context.addCookies([
    { name: "next-auth.session-token", value: "expired", url: page.url() },
  ]);
  await page.goto("/my-tasks");
  await expect(page).toHaveURL(/notice=session-ended/);
  await expect(page.getByRole("status")).toContainText(
    "Your session has ended (it expired, or it was signed out elsewhere or by an administrator).",
  );
  // Said once: the cookie went with the notice, so the next visit is a plain sign-in.
  await page.goto("/my-tasks");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmy-tasks$/);
});

test.describe("sign-in", () => {
  for (const { role, account, home } of homes) {
    test(`${role} signing in lands on ${home}`, async ({ page }) => {
      await page.goto("/login");
      await fillAndSubmit(page, account.email, account.password);
      await expect(page).toHaveURL((url) => url.pathname === home);
      // "/" also sends a signed-in user to their home.
      await page.goto("/");
      await expect(page).toHaveURL((url) => url.pathname === home);
    });
  }

  test("a wrong password shows the error and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await fillAndSubmit(page, DEMO.manager.email, "not-the-right-password");
    await expect(
      page.getByRole("alert").filter({ hasText: "Invalid email or password." }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    // The next try starts at the password, emptied; the email stays as typed.
    await expect(page.getByLabel("Password")).toBeFocused();
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Email")).toHaveValue(DEMO.manager.email);
    // Sent again with a field the form refuses: that field's error, not the last answer's too.
    await page.getByLabel("Email").fill("");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Invalid email or password.")).toHaveCount(0);
  });

  test("repeated failures show the lockout message", async ({ page }) => {
    // An address with no account: it locks out like a real one, so no demo account is harmed.
    const email = `nobody-${Date.now()}@example.com`;
    await page.goto("/login");
    const alert = page.locator("p[role=alert]");
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await fillAndSubmit(page, email, `wrong-password-${attempt}`);
      await expect(alert).toHaveText("Invalid email or password.");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await fillAndSubmit(page, email, "wrong-password-5");
    await expect(alert).toHaveText("Too many attempts, try again in 15 minutes.");
  });

  test("the notice that brought someone here gives way once they try to sign in", async ({
    page,
  }) => {
    await page.goto("/login?notice=signed-out");
    const notice = page.getByRole("status").filter({ hasText: /signed out/i });
    await expect(notice).toBeVisible();
    await fillAndSubmit(page, `nobody-${Date.now()}@example.com`, "not-the-password");
    await expect(
      page.getByRole("alert").filter({ hasText: "Invalid email or password." }),
    ).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test("the form validates before sending", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("a signed-out visitor is sent to sign in and then back to the page they asked for", async ({
    page,
  }) => {
    await page.goto("/tasks/1?view=full");
    await expect(page).toHaveURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/tasks/1?view=full");
    await fillAndSubmit(page, DEMO.manager.email, DEMO.manager.password);
    await expect(page).toHaveURL(
      (url) => url.pathname === "/tasks/1" && url.search === "?view=full",
    );
  });

  test("an outside callbackUrl is ignored", async ({ page }) => {
    await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await fillAndSubmit(page, DEMO.employee.email, DEMO.employee.password);
    await expect(page).toHaveURL((url) => url.pathname === "/my-tasks");
  });

  test("sign-in works at 375 px wide", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/login");
    const button = page.getByRole("button", { name: "Sign in" });
    const box = await button.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(375);
    await fillAndSubmit(page, DEMO.employee.email, DEMO.employee.password);
    await expect(page).toHaveURL((url) => url.pathname === "/my-tasks");
  });

  test("the form is usable with the keyboard alone", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.type(DEMO.admin.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(DEMO.admin.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/admin");
  });
  test("before the page's script has run, Enter sends nothing; once it runs, what was typed signs in", async ({
    page,
  }) => {
    const sent: string[] = [];
    page.on("request", (request) => sent.push(request.url()));
    const releaseScripts = await holdScripts(page);
    await page.goto("/login", { waitUntil: "commit" });
    await page.getByLabel("Email").fill(DEMO.employee.email);
    await page.getByLabel("Password").fill(DEMO.employee.password);
    await page.getByLabel("Password").press("Enter");
    // The browser's own submission would put the password in the address, its history and logs.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    releaseScripts();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/my-tasks$/);
    expect(sent.filter((url) => url.includes("password="))).toEqual([]);
  });
});

test.describe("signed in", () => {
  test("an employee opening /admin is refused", async ({ page }) => {
    await page.goto("/login");
    await fillAndSubmit(page, DEMO.employee.email, DEMO.employee.password);
    await expect(page).toHaveURL((url) => url.pathname === "/my-tasks");
    const response = await page.goto("/admin");
    expect(response!.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "You do not have access to this page" }),
    ).toBeVisible();
    await expect(page).toHaveTitle("Not allowed · ETUMS");
    // A hand-edited filter in the address is named, not silently dropped.
    await page.goto("/my-tasks?status=BOGUS");
    await expect(page.getByText("Some filters were not understood and were ignored")).toBeVisible();
    const board = await page.goto("/board");
    expect(board!.status()).toBe(403);
  });

  test("a session ended by a role change is sent to sign in, not refused by its old role", async ({
    page,
    request,
  }) => {
    const admin = `Bearer ${await accessToken(request, DEMO.admin)}`;
    const email = `promoted-${Date.now()}@example.com`;
    const password = "Promoted-passphrase-2026";
    const id = await createUser(request, {
      email,
      full_name: "Pat Promoted",
      role: "EMPLOYEE",
      password,
    });

    await page.goto("/login");
    await fillAndSubmit(page, email, password);
    await expect(page).toHaveURL((url) => url.pathname === "/my-tasks");
    const live = await page.request.get("/api/auth/session");
    expect(((await live.json()) as { user?: { role: string } }).user?.role).toBe("EMPLOYEE");

    const promoted = await request.patch(`/api/users/${id}/`, {
      data: { role: "MANAGER" },
      headers: { authorization: admin },
    });
    expect(promoted.status()).toBe(200);
    // The cookie still says EMPLOYEE, which may not open the board: the page asks to sign in.
    await page.goto("/board");
    await expect(page).toHaveURL(
      (url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === "/board",
    );
    const ended = await page.request.get("/api/auth/session");
    expect(await ended.json()).toEqual({});

    await fillAndSubmit(page, email, password);
    await expect(page).toHaveURL((url) => url.pathname === "/board");
  });

  test("a sign-in asked for a page the role may not open lands on the role's home", async ({
    page,
  }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/admin/users")}`);
    await fillAndSubmit(page, DEMO.employee.email, DEMO.employee.password);
    await expect(page).toHaveURL((url) => url.pathname === "/my-tasks");
    // Signed in already, the sign-in page sends them the same way.
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/board")}`);
    await expect(page).toHaveURL((url) => url.pathname === "/my-tasks");
  });

  test("a manager opening /admin/users is refused", async ({ page }) => {
    await page.goto("/login");
    await fillAndSubmit(page, DEMO.manager.email, DEMO.manager.password);
    await expect(page).toHaveURL((url) => url.pathname === "/board");
    expect((await page.goto("/admin/users"))!.status()).toBe(403);
  });

  test("sign-out ends the session, and a copy of its cookie with it", async ({
    page,
    context,
    browser,
  }) => {
    await page.goto("/login");
    await fillAndSubmit(page, DEMO.manager.email, DEMO.manager.password);
    await expect(page).toHaveURL((url) => url.pathname === "/board");
    // The cookie as someone might have copied it (a shared machine, a stolen profile).
    const copied = await browser.newContext({ storageState: await context.storageState() });
    // Another sign-in of the same person, elsewhere, is not ended by this one's sign-out.
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await other.goto("/login");
    await fillAndSubmit(other, DEMO.manager.email, DEMO.manager.password);
    await expect(other).toHaveURL((url) => url.pathname === "/board");
    expect((await copied.request.get("/api/users/me/")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/login");
    await expect(page.getByRole("status")).toHaveText("You have signed out.");
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(false);
    // Back must not bring the board back from the browser's or the router's memory (a shared PC).
    await page.goBack();
    await expect(page).toHaveURL((url) => url.pathname === "/login");
    await expect(page.getByRole("heading", { name: "Sign in to ETUMS" })).toBeVisible();
    await page.goto("/board");
    await expect(page).toHaveURL((url) => url.pathname === "/login");

    expect((await copied.request.get("/api/users/me/")).status()).toBe(401);
    const copiedPage = await copied.newPage();
    await copiedPage.goto("/board");
    await expect(copiedPage).toHaveURL((url) => url.pathname === "/login");
    expect((await elsewhere.request.get("/api/users/me/")).status()).toBe(200);
    await Promise.all([copied.close(), elsewhere.close()]);
  });

  test("the API answers the dashboard's cookie, and refuses without it", async ({ page }) => {
    expect((await page.request.get("/api/users/me/")).status()).toBe(401);
    await page.goto("/login");
    await fillAndSubmit(page, DEMO.employee.email, DEMO.employee.password);
    await expect(page).toHaveURL((url) => url.pathname === "/my-tasks");
    const me = await page.request.get("/api/users/me/");
    expect(me.status()).toBe(200);
    expect((await me.json()).email).toBe(DEMO.employee.email);
  });
});
