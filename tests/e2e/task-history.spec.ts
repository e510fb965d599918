import { expect, test } from "@playwright/test";
import mysql from "mysql2/promise";
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
