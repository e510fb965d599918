import { expect, type Page, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { expectOpen, summaryWith } from "./helpers/disclosure";
import { expectHydrated, holdScripts } from "./helpers/hydration";
import { accessToken, signIn } from "./helpers/login";

// What someone on a slow connection meets before a page's script has run: the phone's menu and
// filters open natively, and the buttons that need the script show they are not ready yet.

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
});

/** Opens `path` with its scripts held; the returned function lets them run. */
async function openBeforeScripts(page: Page, path: string): Promise<() => void> {
  const release = await holdScripts(page);
  await page.goto(path, { waitUntil: "commit" });
  return release;
}

test("on a phone the menu and the filters open before the page's script has run", async ({
  page,
}) => {
  const release = await openBeforeScripts(page, "/tasks?status=TODO");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = summaryWith(nav, "Menu");
  await menu.click();
  await expectOpen(menu, true);
  await expect(nav.getByRole("link", { name: "Board" })).toBeVisible();
  await menu.click();
  await expect(nav.getByRole("link", { name: "Board" })).toBeHidden();

  const filters = page.getByRole("form", { name: "Filter tasks" });
  const toggle = summaryWith(page, "Show filters");
  // The page is still streaming: its parts arrive in hidden holders and are moved into place, and
  // a key pressed on a held part is lost. Press only once the toggle shows.
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAccessibleName("Show filters (1 applied)");
  await expect(filters).toBeHidden();
  await toggle.press("Enter");
  await expect(toggle).toHaveAccessibleName("Hide filters (1 applied)");
  await expect(filters.getByLabel("Text")).toBeVisible();
  // All of that was the browser's own doing: React had not taken the page over yet.
  expect(
    await menu.evaluate((element) =>
      Object.keys(element).some((key) => key.startsWith("__reactProps$")),
    ),
  ).toBe(false);

  release();
  await expectHydrated(menu);
  await expect(filters).toBeVisible();
  await menu.click();
  await nav.getByRole("link", { name: "Board" }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expectOpen(summaryWith(page.getByRole("navigation", { name: "Main" }), "Menu"), false);
});

test("Sign out works before the page's script has run, and ends that sign-in for a copy of its cookie too", async ({
  page,
  context,
  browser,
}) => {
  const copied = await browser.newContext({ storageState: await context.storageState() });
  const release = await openBeforeScripts(page, "/tasks");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeVisible();
  expect(
    await signOut.evaluate((element) =>
      Object.keys(element).some((key) => key.startsWith("__reactProps$")),
    ),
  ).toBe(false);
  await signOut.click();
  await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(false);
  expect((await copied.request.get("/api/users/me/")).status()).toBe(401);
  release();
  await copied.close();
});

test("Delete task and + Add task are disabled until the page's script can act on them", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/tasks/", {
    headers: { authorization: `Bearer ${await accessToken(request, DEMO.manager)}` },
    data: { title: `Waits for its script ${Date.now().toString(36)}` },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };

  let release = await openBeforeScripts(page, `/tasks/${id}`);
  const remove = page.getByRole("button", { name: "Delete task" });
  await expect(remove).toBeDisabled();
  release();
  await expect(remove).toBeEnabled();
  await remove.click();
  await expect(page.getByRole("group", { name: "Confirm deletion" })).toBeVisible();

  await page.unrouteAll();
  release = await openBeforeScripts(page, "/board");
  const add = page.getByRole("button", { name: "+ Add task to To do" });
  await expect(add).toBeDisabled();
  release();
  await expect(add).toBeEnabled();
  await add.click();
  await expect(page.getByLabel("Title of the new task in To do")).toBeFocused();
});

test("a column header sorts the task table before the page's script has run", async ({ page }) => {
  await openBeforeScripts(page, "/tasks");
  const title = page.getByRole("columnheader", { name: "Title" });
  await expect(title).not.toHaveAttribute("aria-sort");
  await title.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]ordering=title(&|$)/);
  await expect(title).toHaveAttribute("aria-sort", "ascending");
});

test("the Users page's row buttons and Sign out everywhere wait for the page's script", async ({
  page,
}) => {
  await page.context().clearCookies();
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  let release = await openBeforeScripts(
    page,
    `/admin/users?search=${encodeURIComponent(DEMO.employee.email)}`,
  );
  const row = page.getByRole("row").filter({ hasText: DEMO.employee.email });
  const rowButtons = {
    edit: row.getByRole("button", { name: /^Edit / }),
    deactivate: row.getByRole("button", { name: /^Deactivate / }),
    reset: row.getByRole("button", { name: /^Reset password / }),
    signOut: row.getByRole("button", { name: /^Sign out / }),
  };
  for (const button of Object.values(rowButtons)) await expect(button).toBeDisabled();
  release();
  for (const button of Object.values(rowButtons)) await expect(button).toBeEnabled();
  await rowButtons.reset.click();
  await expect(page.getByRole("dialog", { name: /^Reset the password of / })).toBeVisible();

  await page.unrouteAll();
  release = await openBeforeScripts(page, "/account");
  const everywhere = page.getByRole("button", { name: "Sign out everywhere" });
  await expect(everywhere).toBeDisabled();
  release();
  await expect(everywhere).toBeEnabled();
  await everywhere.click();
  await expect(page.getByRole("group", { name: "Confirm signing out everywhere" })).toBeVisible();
});
