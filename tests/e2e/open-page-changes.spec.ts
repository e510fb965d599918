import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { accessToken, signIn } from "./helpers/login";

// What a page left open does when the world changes under it.

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

test("a status change on a task taken away meanwhile says so and drops its card", async ({
  page,
  request,
}) => {
  const managerToken = await accessToken(request, DEMO.manager);
  const employeeToken = await accessToken(request, DEMO.employee);
  const idOf = async (token: string) => {
    const me = await request.get("/api/users/me/", {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await me.json()) as { id: number }).id;
  };
  const [managerId, employeeId] = [await idOf(managerToken), await idOf(employeeToken)];
  const title = `Handed over while open ${Date.now()}`;
  const created = await request.post("/api/tasks/", {
    headers: { authorization: `Bearer ${managerToken}` },
    data: { title, assigned_to: employeeId },
  });
  expect(created.status()).toBe(201);
  const taskId = ((await created.json()) as { id: number }).id;

  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await page.goto(`/my-tasks?search=${encodeURIComponent(title)}`);
  const select = page.getByLabel(`Status of ${title}`, { exact: true });
  await expect(select).toBeVisible();

  const handedOver = await request.patch(`/api/tasks/${taskId}/`, {
    headers: { authorization: `Bearer ${managerToken}` },
    data: { assigned_to: managerId },
  });
  expect(handedOver.status()).toBe(200);
  await select.selectOption("IN_PROGRESS");

  await expect(
    page.getByText("This task is no longer there for you", { exact: false }),
  ).toBeVisible();
  await expect(page.getByLabel(`Status of ${title}`, { exact: true })).toHaveCount(0);
});
