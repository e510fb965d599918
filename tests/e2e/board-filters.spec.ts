import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";

test("the board's filters, applied by keyboard, leave focus on what they found", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const tag = `Boarded ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/tasks/bulk-create/", {
    data: {
      tasks: [
        { title: `${tag} one` },
        { title: `${tag} two`, status: "DONE" },
        { title: `${tag} three`, status: "IN_PROGRESS" },
      ],
    },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);

  await page.goto("/board");
  // dnd-kit's live region exists once the board is hydrated: the form's handler is attached.
  await expect(page.locator('[id^="DndLiveRegion"]')).toBeAttached();
  const filters = page.getByRole("form", { name: "Filter tasks" });
  await filters.getByLabel("Text").fill(tag);
  await filters.getByRole("button", { name: "Apply" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/search=Boarded/);
  await expect(page.getByRole("status").filter({ hasText: "3 tasks on the board" })).toBeFocused();
});
