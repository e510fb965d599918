import { expect, test } from "@playwright/test";
import { createTask } from "./helpers/api";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";

test("a task page answers 404 when the task is missing, malformed or not the caller's", async ({
  page,
  request,
}) => {
  const id = await createTask(request, DEMO.manager, {
    title: `Not the employee's ${Date.now().toString(36)}`,
  });

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const own = await page.goto(`/tasks/${id}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Not the employee's");

  for (const path of ["/tasks/999999999", "/tasks/abc"]) {
    const missing = await page.goto(path);
    expect(missing?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  }

  await page.context().clearCookies();
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  const hidden = await page.goto(`/tasks/${id}`);
  expect(hidden?.status()).toBe(404);
  await expect(page.getByText("Not the employee's")).toHaveCount(0);
});

test("a task link shows that it is opening while the page renders", async ({ page }) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks");
  const link = page.locator('tbody a[href^="/tasks/"]').first();
  await expect(link.locator("[data-opening]")).toHaveCount(0);
  // The task page's answer (prefetch or navigation) is held until the hint has been seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/tasks\/\d+(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  await link.click();
  await expect(link.locator("[data-opening]")).toBeVisible();
  release();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.getByText(/^Task #\d+$/)).toBeVisible();
});

test("a task deleted from its page leads to the table with focus on its count, and is then a 404", async ({
  page,
  request,
}) => {
  const id = await createTask(request, DEMO.manager, {
    title: `Short-lived ${Date.now().toString(36)}`,
  });

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const remove = page.getByRole("button", { name: "Delete task" });
  await expect(remove).toBeEnabled();
  await remove.click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("status").filter({ hasText: /tasks? · page/ })).toBeFocused();
  expect((await page.goto(`/tasks/${id}`))?.status()).toBe(404);
});
