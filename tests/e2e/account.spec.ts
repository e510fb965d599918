import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { accessToken, signIn } from "./helpers/login";

test("anyone changes their own password from Your account, and signs in again with it", async ({
  page,
  request,
}) => {
  // A user of this test's own: the demo accounts' passwords must stay as they are.
  const admin = await accessToken(request, DEMO.admin);
  const email = `own-password-${Date.now()}@example.com`;
  const first = "First-passphrase-2026";
  const created = await request.post("/api/users/", {
    data: { email, full_name: "Olive Own", role: "EMPLOYEE", password: first },
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(created.status()).toBe(201);

  await signIn(page, email, first);
  await page.getByRole("link", { name: /Your account/ }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  const form = page.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password", { exact: true }).fill("Second-passphrase-2026");
  await form.getByLabel("Repeat the new password").fill("Second-passphrase-2026");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  // The keyboard goes to the field the refusal names.
  await expect(form.getByLabel("Current password")).toBeFocused();

  // A slip in the new password is caught before every session ends on it.
  await form.getByLabel("Current password").fill(first);
  await form.getByLabel("Repeat the new password").fill("Second-passphrase-2062");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two new passwords differ.")).toBeVisible();
  await expect(form.getByLabel("Repeat the new password")).toBeFocused();
  await form.getByLabel("Repeat the new password").fill("Second-passphrase-2026");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status")).toHaveText(
    "Password changed. Sign in again with the new password.",
  );
  await signIn(page, email, "Second-passphrase-2026");
  await expect(page).toHaveURL(/\/my-tasks$/);
});

test("Sign out everywhere ends this browser, another one and the user's API tokens", async ({
  browser,
  page,
  request,
}) => {
  const admin = await accessToken(request, DEMO.admin);
  const email = `everywhere-${Date.now()}@example.com`;
  const password = "Everywhere-passphrase-2026";
  const created = await request.post("/api/users/", {
    data: { email, full_name: "Evan Everywhere", role: "EMPLOYEE", password },
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(created.status()).toBe(201);
  const token = await accessToken(request, { email, password });
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, password);

  await signIn(page, email, password);
  await page.getByRole("link", { name: /Your account/ }).click();
  const section = page.getByRole("region", { name: "Sign out everywhere" });
  await section.getByRole("button", { name: "Sign out everywhere" }).click();
  // Asked once more, with focus on the safe choice; Escape keeps everything as it was.
  await expect(section.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(section.getByRole("button", { name: "Sign out everywhere" })).toBeFocused();
  await section.getByRole("button", { name: "Sign out everywhere" }).click();
  await section.getByRole("button", { name: "Yes, sign out everywhere" }).click();

  await expect(page).toHaveURL(/\/login\?notice=signed-out-everywhere/);
  await expect(page.getByText("You have signed out everywhere")).toBeVisible();
  // The home address says so too, with no page to come back to.
  await otherPage.goto("/");
  await expect(otherPage).toHaveURL(/\/login\?notice=session-ended$/);
  await otherPage.goto("/my-tasks");
  await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Fmy-tasks&notice=session-ended$/);
  await expect(otherPage.getByText("Your session has ended")).toBeVisible();
  const me = await request.get("/api/users/me/", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(401);
  await other.close();
});
