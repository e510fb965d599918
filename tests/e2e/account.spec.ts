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

  // A slip in the new password is caught before every session ends on it.
  await form.getByLabel("Current password").fill(first);
  await form.getByLabel("Repeat the new password").fill("Second-passphrase-2062");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two new passwords differ.")).toBeVisible();
  await form.getByLabel("Repeat the new password").fill("Second-passphrase-2026");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status")).toHaveText(
    "Password changed. Sign in again with the new password.",
  );
  await signIn(page, email, "Second-passphrase-2026");
  await expect(page).toHaveURL(/\/my-tasks$/);
});
