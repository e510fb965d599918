import { expect, test } from "@playwright/test";
import mysql from "mysql2/promise";
import { createTask, userIdByEmail } from "./helpers/api";
import { DEMO } from "./helpers/demo-accounts";
import { accessToken, signIn } from "./helpers/login";
import { E2E_DATABASE_URL } from "./env";

test("a task with a long history shows its latest changes, and admins a way to the rest", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const created = await request.post("/api/tasks/", {
    headers: { authorization },
    data: { title: `Much changed ${Date.now().toString(36)}` },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  // 120 status changes, written straight into the history (the API would take as long as it says).
  const db = await mysql.createConnection(E2E_DATABASE_URL);
  try {
    const statuses = ["TODO", "IN_PROGRESS", "DONE"];
    await db.query("INSERT INTO activity (kind, task_id, field, from_value, to_value) VALUES ?", [
      Array.from({ length: 120 }, (_, i) => [
        "TASK_STATUS_CHANGED",
        id,
        "status",
        statuses[i % 3],
        statuses[(i + 1) % 3],
      ]),
    ]);
  } finally {
    await db.end();
  }

  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto(`/tasks/${id}`);
  const history = page.getByRole("region", { name: "Activity" }).getByRole("listitem");
  await expect(history).toHaveCount(100);
  await expect(page.getByText("The 100 most recent changes are shown.")).toBeVisible();
  await page.getByRole("link", { name: "See the whole history in the activity trail" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/activity\\?task=${id}$`));
});

test("the history names a former assignee, deactivated since, to whoever reads the task", async ({
  page,
  request,
}) => {
  const stamp = Date.now().toString(36);
  const admin = { authorization: `Bearer ${await accessToken(request, DEMO.admin)}` };
  const manager = { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` };
  const former = await request.post("/api/users/", {
    headers: admin,
    data: {
      email: `former.${stamp}@example.com`,
      full_name: `Former Holder ${stamp}`,
      role: "EMPLOYEE",
      password: "Former-holder-passphrase-9",
    },
  });
  expect(former.status()).toBe(201);
  const formerId = ((await former.json()) as { id: number }).id;
  const emmaId = await userIdByEmail(request, DEMO.manager, DEMO.employee.email);
  const id = await createTask(request, DEMO.manager, {
    title: `Handed over ${stamp}`,
    assigned_to: formerId,
  });
  const moved = await request.patch(`/api/tasks/${id}/`, {
    headers: manager,
    data: { assigned_to: emmaId },
  });
  expect(moved.status()).toBe(200);
  const gone = await request.patch(`/api/users/${formerId}/`, {
    headers: admin,
    data: { is_active: false },
  });
  expect(gone.status()).toBe(200);

  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await page.goto(`/tasks/${id}`);
  const history = page.getByRole("region", { name: "Activity" });
  await expect(history).toContainText(`changed the assignee from Former Holder ${stamp} to`);
  await expect(history).not.toContainText(`user ${formerId}`);
});
