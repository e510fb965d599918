import { expect, test } from "@playwright/test";
import mysql from "mysql2/promise";
import { DEMO } from "./helpers/demo-accounts";
import { expectHydrated } from "./helpers/hydration";
import { signIn } from "./helpers/login";
import { E2E_DATABASE_URL } from "./env";

test("Try again on a failed page fetches it again, and shows it once the server can", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  // A table the task list reads goes missing for a moment, as in a failed deployment step.
  const db = await mysql.createConnection(E2E_DATABASE_URL);
  try {
    await db.query("RENAME TABLE task_counts TO task_counts_away");
    try {
      await page.goto("/tasks");
      await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    } finally {
      await db.query("RENAME TABLE task_counts_away TO task_counts");
    }
  } finally {
    await db.end();
  }
  const retry = page.getByRole("button", { name: "Try again" });
  await expectHydrated(retry);
  await retry.click();
  await expect(page.getByRole("heading", { name: "Tasks", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /\d+ tasks?/ })).toBeVisible();
});
