import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";

test("an action after the session has ended leads to the sign-in page, not to a server failure", async ({
  page,
  context,
}) => {
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await expect(page).toHaveURL(/\/my-tasks$/);
  const card = page.getByRole("list", { name: "My tasks" }).getByRole("article").first();
  const title = (await card.getByRole("heading", { level: 2 }).innerText()).trim();
  const select = card.getByLabel(`Status of ${title}`);
  const before = await select.inputValue();

  // The session cookie expires (or is cleared) while the page stays open.
  await context.clearCookies();
  await select.selectOption(before === "DONE" ? "IN_PROGRESS" : "DONE");

  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmy-tasks$/);
  await expect(page.getByText(/could not be reached/)).toHaveCount(0);
  // Signed in again, they land back where they were, with nothing changed behind their back.
  await page.getByLabel(/email/i).fill(DEMO.employee.email);
  await page.getByLabel(/password/i).fill(DEMO.employee.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/my-tasks$/);
  await expect(page.getByLabel(`Status of ${title}`, { exact: true })).toHaveValue(before);
});
