import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";

const SHOTS = "public/screenshots";

async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(severe).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Wide: axe + screenshot. Narrow (375 px): axe again, no sideways scrolling, screenshot. */
async function checkPage(page: Page, path: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: false });
}

async function firstTaskPath(page: Page, listPath: string): Promise<string> {
  await page.goto(listPath);
  const href = await page
    .locator('a[href^="/tasks/"]')
    .filter({ hasNotText: /new|import/i })
    .first()
    .getAttribute("href");
  expect(href).toMatch(/^\/tasks\/\d+$/);
  return href!;
}

test("the employee's pages pass axe and fit a 375 px screen", async ({ page }) => {
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await checkPage(page, "/my-tasks", "employee-my-tasks");
  await checkPage(page, await firstTaskPath(page, "/my-tasks"), "employee-task-detail");
  await checkPage(page, "/tasks/new", "forbidden");
});

test("the manager's pages pass axe and fit a 375 px screen", async ({ page }) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  await checkPage(page, "/board", "manager-board");
  await checkPage(page, "/tasks", "manager-table");
  await checkPage(page, "/tasks/new", "manager-new-task");
  await checkPage(page, "/tasks/import", "manager-import");
  await checkPage(page, await firstTaskPath(page, "/tasks"), "manager-task-edit");
  await checkPage(page, "/my-tasks", "manager-my-tasks");
  await checkPage(page, "/tasks/999999", "not-found");
});

test("the narrow navigation opens as a menu and keeps every link", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Table" })).toBeHidden();
  await nav.getByRole("button", { name: "Menu" }).click();
  await expect(nav.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Table" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expectNoHorizontalScroll(page);
});
