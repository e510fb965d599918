import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { appLogLines } from "./helpers/app-log";
import { signIn } from "./helpers/login";

const RUN = Date.now().toString(36);

/** The outcome line of the server action sent under `requestId` (the page's requests share it). */
function actionLine(requestId: string) {
  return appLogLines().find((line) => line.requestId === requestId && "action" in line);
}

// The dashboard's changes leave the same trace in the log as the API's: who, what, how it went.
test("an admin's changes on the Users page are logged with the caller, the outcome and whom they touched", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/users");
  const details = page.locator("details", { hasText: "Create a user" });
  await details.locator("summary").click();
  const form = page.getByRole("form", { name: "Create a user" });
  const email = `logged.${RUN}@example.com`;
  // Unique to the run, so that a log line holding it could not come from another; not like the email.
  const password = `Kept-Out-Of-Logs-${RUN}-2026`;
  await form.getByLabel("Full name").fill("Logged Person");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel(/Initial password/).fill(password);

  const created = `e2e-action-created-${RUN}`;
  await page.setExtraHTTPHeaders({ "x-request-id": created });
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();
  await expect
    .poll(() => actionLine(created))
    .toMatchObject({
      level: "info",
      msg: "action",
      action: "createUser",
      status: 200,
      userId: expect.any(Number),
      subjectUserId: expect.any(Number),
    });

  // The same email again: refused, and logged as a refusal.
  const refused = `e2e-action-refused-${RUN}`;
  await page.setExtraHTTPHeaders({ "x-request-id": refused });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await form.getByLabel("Full name").fill("Logged Twice");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("A user with this email already exists.").first()).toBeVisible();
  await expect
    .poll(() => actionLine(refused))
    .toMatchObject({
      level: "warn",
      msg: "action refused",
      action: "createUser",
      status: 409,
    });

  // Neither line, nor anything else logged under these requests, carries the password.
  const logged = JSON.stringify(
    appLogLines().filter((line) => line.requestId === created || line.requestId === refused),
  );
  expect(logged).not.toContain(password);
});
