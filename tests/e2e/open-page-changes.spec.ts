import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

/** A task the demo manager creates for the demo employee, and the manager's token and id. */
async function taskForTheEmployee(request: APIRequestContext, title: string) {
  const managerToken = await accessToken(request, DEMO.manager);
  const employeeToken = await accessToken(request, DEMO.employee);
  const idOf = async (token: string) => {
    const me = await request.get("/api/users/me/", {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await me.json()) as { id: number }).id;
  };
  const [managerId, employeeId] = [await idOf(managerToken), await idOf(employeeToken)];
  const created = await request.post("/api/tasks/", {
    headers: { authorization: `Bearer ${managerToken}` },
    data: { title, assigned_to: employeeId },
  });
  expect(created.status()).toBe(201);
  return { managerToken, managerId, taskId: ((await created.json()) as { id: number }).id };
}

// What a page left open does when the world changes under it.

test("an action after the session has ended keeps the page and its work, and goes through once signed in again", async ({
  page,
  context,
  request,
}) => {
  const managerToken = await accessToken(request, DEMO.manager);
  const created = await request.post("/api/tasks/", {
    headers: { authorization: `Bearer ${managerToken}` },
    data: { title: `Edited as the session ends ${Date.now()}` },
  });
  const task = (await created.json()) as { id: number; title: string };
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  // Reached as people reach it, from the list: the page is running when typing starts.
  await page.goto(`/tasks?search=${encodeURIComponent(task.title)}`);
  await page.getByRole("link", { name: task.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}$`));
  const renamed = `${task.title} (renamed)`;
  await page.getByLabel("Title").fill(renamed);

  // The session cookie expires (or is cleared) while the page stays open.
  await context.clearCookies();
  await page.getByRole("button", { name: "Save changes" }).click();

  // The page stays, with what was typed, and says what to do; nothing was saved.
  const notice = page.getByRole("alert").filter({ hasText: "Nothing on this page is lost" });
  await expect(notice).toBeVisible();
  await expect(page.getByText("Not saved: your session has ended.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}$`));
  await expect(page.getByLabel("Title")).toHaveValue(renamed);
  await expect(page.getByText(/could not be reached/)).toHaveCount(0);
  const unchanged = await request.get(`/api/tasks/${task.id}/`, {
    headers: { authorization: `Bearer ${managerToken}` },
  });
  expect(((await unchanged.json()) as { title: string }).title).toBe(task.title);

  // Signed in again in another tab, the same Save goes through here.
  const [other] = await Promise.all([
    context.waitForEvent("page"),
    notice.getByRole("link", { name: "Sign in (new tab)" }).click(),
  ]);
  await other.getByLabel(/email/i).fill(DEMO.manager.email);
  await other.getByLabel(/password/i).fill(DEMO.manager.password);
  await other.getByRole("button", { name: /sign in/i }).click();
  await expect(other).not.toHaveURL(/\/login/);
  await other.close();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("an import check after the session has ended asks for a new sign-in, not another file", async ({
  page,
  context,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto("/tasks/import");
  await page.getByLabel("Choose a CSV file").setInputFiles({
    name: "tasks.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("title,description,assigned_to,status\nChecked late,,,TODO\n"),
  });
  await expect(page.getByText("4 columns detected, 1 row.")).toBeVisible();
  await context.clearCookies();
  await page.getByRole("button", { name: "Check the file" }).click();

  const report = page.getByRole("region").filter({ hasText: "Nothing was imported" });
  await expect(report).toContainText("Your session has ended, so the file was not sent.");
  await expect(report).toContainText("Sign in again in a new tab");
  await expect(report).not.toContainText("Fix the file");
  await expect(
    page.getByRole("alert").filter({ hasText: "Nothing on this page is lost" }),
  ).toBeVisible();
});

test("a status change on a task taken away meanwhile says so and drops its card", async ({
  page,
  request,
}) => {
  const title = `Handed over while open ${Date.now()}`;
  const { managerToken, managerId, taskId } = await taskForTheEmployee(request, title);

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

test("a status change on a task someone else changed meanwhile says so in words and shows theirs", async ({
  page,
  request,
}) => {
  const title = `Changed while open ${Date.now()}`;
  const { managerToken, taskId } = await taskForTheEmployee(request, title);

  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await page.goto(`/my-tasks?search=${encodeURIComponent(title)}`);
  const select = page.getByLabel(`Status of ${title}`, { exact: true });
  await expectHydrated(select);

  const theirs = await request.patch(`/api/tasks/${taskId}/`, {
    headers: { authorization: `Bearer ${managerToken}` },
    data: { status: "DONE" },
  });
  expect(theirs.status()).toBe(200);
  await select.selectOption("IN_PROGRESS");

  await expect(
    page.getByText(`“${title}” was changed by someone else meanwhile; the page was reloaded.`),
  ).toBeVisible();
  await expect(select).toHaveValue("DONE");
});
