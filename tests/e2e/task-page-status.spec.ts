import { expect, test } from "@playwright/test";
import { createTask, userIdByEmail } from "./helpers/api";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

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
  // Hidden, the hint takes no room: a title that just fits its cell gets no blank line under it.
  const anchor = await link.locator("span[aria-hidden]").first().boundingBox();
  expect(anchor?.width).toBe(0);
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

test("a task changed by someone else after its page loaded is not deleted, and is shown as it is now", async ({
  page,
  request,
}) => {
  const title = `Changed before deletion ${Date.now().toString(36)}`;
  const id = await createTask(request, DEMO.manager, { title });
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${id}`);
  const remove = page.getByRole("button", { name: "Delete task" });
  await expect(remove).toBeEnabled();
  await remove.click();
  await expect(page.getByText(`Delete “${title}” for good?`)).toBeVisible();
  const renamed = await request.patch(`/api/tasks/${id}/`, {
    headers: { authorization },
    data: { title: `${title} (kept, renamed)` },
  });
  expect(renamed.status()).toBe(200);
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText(/Someone changed this task since the page was loaded/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (kept, renamed)`);
  await expect(remove).toBeFocused();
  const still = await request.get(`/api/tasks/${id}/`, { headers: { authorization } });
  expect(still.status()).toBe(200);

  // Asked again about the task as it now is, it goes.
  await remove.click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  expect((await request.get(`/api/tasks/${id}/`, { headers: { authorization } })).status()).toBe(
    404,
  );
});

test("a task's page leads back to the filtered board it was opened from, and so does Delete", async ({
  page,
  request,
}) => {
  const tag = `Round trip ${Date.now().toString(36)}`;
  await createTask(request, DEMO.manager, { title: `${tag} kept` });
  const doomed = await createTask(request, DEMO.manager, { title: `${tag} deleted` });
  const boardPath = `/board?search=${encodeURIComponent(tag)}`;

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(boardPath);
  await expect(page.getByText("2 tasks on the board")).toBeVisible();
  await page.getByRole("link", { name: `${tag} deleted` }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${doomed}$`));
  const back = page.getByRole("link", { name: "Back to the board" });
  await expect(back).toHaveAttribute("href", boardPath);

  await back.click();
  await expect(page).toHaveURL(boardPath);
  await expect(page.getByText("2 tasks on the board")).toBeVisible();

  await page.getByRole("link", { name: `${tag} deleted` }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${doomed}$`));
  const remove = page.getByRole("button", { name: "Delete task" });
  await expect(remove).toBeEnabled();
  await remove.click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(boardPath);
  const count = page.getByRole("status").filter({ hasText: "1 task on the board" });
  await expect(count).toBeFocused();
  await expect(page.getByRole("link", { name: `${tag} kept` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${tag} deleted` })).toHaveCount(0);
});

test("a task's page reached directly leads back to the caller's own list", async ({
  page,
  request,
}) => {
  const tag = `Direct ${Date.now().toString(36)}`;
  const employeeId = await userIdByEmail(request, DEMO.manager, DEMO.employee.email);
  const id = await createTask(request, DEMO.manager, { title: tag, assigned_to: employeeId });

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks?search=${encodeURIComponent(tag)}`);
  await page.getByRole("link", { name: tag }).click();
  await expect(page.getByRole("link", { name: "Back to the table" })).toHaveAttribute(
    "href",
    `/tasks?search=${encodeURIComponent(tag)}`,
  );
  // Another task of this tab, opened by its address, is not sent back to that list.
  const other = await createTask(request, DEMO.manager, { title: `${tag} other` });
  await page.goto(`/tasks/${other}`);
  await expect(page.getByRole("link", { name: "Back to the table" })).toHaveAttribute(
    "href",
    "/tasks",
  );

  // The same tab, now the employee's: the table it noted is not a page of theirs.
  await page.context().clearCookies();
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await page.goto(`/tasks/${id}`);
  const own = page.getByRole("link", { name: "Back to my tasks" });
  await expectHydrated(own);
  await own.click();
  await expect(page).toHaveURL(/\/my-tasks$/);
});
