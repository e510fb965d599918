import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { accessToken, signIn } from "./helpers/login";

test("the dashboard shows times on the company's clock (TIME_ZONE=Asia/Tokyo, UTC+9), named", async ({
  page,
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.manager)}`;
  const created = await request.post("/api/tasks/", {
    headers: { authorization },
    data: { title: `Clock check ${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const task = (await created.json()) as { id: number; created_at: string };
  const at = new Date(task.created_at);
  const tokyo = new Date(at.getTime() + 9 * 3600_000);
  const clock = `${String(tokyo.getUTCHours()).padStart(2, "0")}:${String(tokyo.getUTCMinutes()).padStart(2, "0")}`;

  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await page.goto(`/tasks/${task.id}`);
  const shown = page.locator(`time[datetime="${task.created_at}"]`).first();
  await expect(shown).toContainText(`${tokyo.getUTCDate()} `);
  await expect(shown).toContainText(clock);
  await expect(shown).toContainText("GMT+9");
});
