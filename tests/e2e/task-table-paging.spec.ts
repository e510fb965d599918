import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";

test("the task table offers a page size, and keyboard focus survives filtering, sorting and paging", async ({
  page,
}) => {
  // Enough tasks for a few pages, whatever the other files left behind.
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  const tag = `Paged ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: { tasks: Array.from({ length: 45 }, (_, i) => ({ title: `${tag} ${i}` })) },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);

  // Applied by keyboard, the filters reload the page: focus lands on what they found, not at the top.
  await page.goto("/tasks");
  const filters = page.getByRole("form", { name: "Filter tasks" });
  await filters.getByLabel("Text").fill(tag);
  await filters.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/search=Paged/);
  await expect(page.getByRole("status").filter({ hasText: "45 tasks" })).toBeFocused();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  const pageSize = page.getByLabel("Rows per page");
  await pageSize.focus();
  await pageSize.selectOption("50");
  await expect(page).toHaveURL(/page_size=50/);
  await expect(rows).toHaveCount(45);
  await expect(page).toHaveURL(
    new RegExp(`search=${encodeURIComponent(tag).replace(/%20/g, "(\\+|%20)")}`),
  );
  await expect(pageSize).toBeFocused();

  // Back to 20 a page: "Next page" twice by keyboard; on the last page the link is gone, and
  // focus goes to the line that says where the user now is, not to the top of the page.
  await pageSize.selectOption("20");
  await expect(rows).toHaveCount(20);
  const next = page.getByRole("link", { name: "Next page" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "page 2 of 3" })).toBeVisible();
  await next.focus();
  await page.keyboard.press("Enter");
  const count = page.getByRole("status").filter({ hasText: "page 3 of 3" });
  await expect(count).toBeVisible();
  await expect(rows).toHaveCount(5);
  await expect(count).toBeFocused();

  // A sort by keyboard keeps focus on the column's button through the new rows.
  const byTitle = page.getByRole("button", { name: /^Title/ });
  await byTitle.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/ordering=title/);
  await expect(page.getByRole("status").filter({ hasText: "page 1 of 3" })).toBeVisible();
  await expect(byTitle).toBeFocused();
});
