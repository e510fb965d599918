import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import { DEMO } from "./helpers/demo-accounts";
import { accessToken } from "./helpers/login";

/** Collects Content-Security-Policy violations the page reports, to prove the policy suffices. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void })
        .reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

/** Swagger UI's Authorize dialog: paste the Bearer token, apply, close. */
async function authorize(page: Page, access: string) {
  await page.locator("button.authorize").first().click();
  const dialog = page.locator(".modal-ux");
  await dialog.locator("input").first().fill(access);
  await dialog.getByRole("button", { name: "Apply credentials" }).click();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.locator("button.authorize.locked").first()).toBeVisible();
}

/** Opens an operation, turns on "Try it out" and returns its block. */
async function tryItOut(page: Page, operationId: string) {
  const operation = page.locator(`[id$="-${operationId}"].opblock`);
  await operation.locator(".opblock-summary").first().click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  return operation;
}

/** Executes the open operation; returns the live response's status and body text, then clears it. */
async function execute(operation: Locator) {
  await operation.getByRole("button", { name: "Execute" }).click();
  const response = operation.locator(".live-responses-table .response").first();
  await expect(response.locator(".response-col_status")).toHaveText(/^\d{3}/);
  const status = (await response.locator(".response-col_status").innerText()).trim();
  const body = await response.locator(".response-col_description pre").first().innerText();
  await operation.getByRole("button", { name: "Clear" }).click();
  return { status, body };
}

test("Swagger UI: Try it out on GET /api/tasks is 401 until authorized with a login token, then 200", async ({
  page,
  request,
}) => {
  test.slow(); // Swagger UI is a large bundle; the shared test machines are busy.
  const violations = await watchCsp(page);
  await page.goto("/api/docs/");
  const listTasks = await tryItOut(page, "listTasks");
  // One main landmark (Swagger UI's), and a way back to the app.
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Back to ETUMS" })).toHaveAttribute("href", "/");
  // A path id starts empty: Try it out on a reset or a DELETE acts on nobody's row by default.
  const reset = await tryItOut(page, "resetUserPassword");
  await expect(reset.locator('tr[data-param-name="id"] input')).toHaveValue("");

  const anonymous = await execute(listTasks);
  expect(anonymous.status).toBe("401");
  expect(JSON.parse(anonymous.body)).toMatchObject({
    detail: "Authentication credentials were not provided.",
  });

  await authorize(page, await accessToken(request, DEMO.admin));
  const authorized = await execute(listTasks);
  expect(authorized.status).toBe("200");
  const list = JSON.parse(authorized.body) as { count: number; results: { id: number }[] };
  expect(list.results.length).toBeGreaterThan(0);
  expect(list.count).toBeGreaterThanOrEqual(list.results.length);

  // The token is kept across page loads (persistAuthorization).
  await page.goto("/api/docs/");
  await expect(page.locator("button.authorize.locked").first()).toBeVisible();
  expect((await execute(await tryItOut(page, "listTasks"))).status).toBe("200");

  expect(violations).toEqual([]);
});

test("Swagger UI: Try it out uploads a CSV file (multipart) and downloads the CSV export", async ({
  page,
  request,
}) => {
  test.slow(); // Swagger UI is a large bundle; the shared test machines are busy.
  const violations = await watchCsp(page);
  await page.goto("/api/docs/");
  await authorize(page, await accessToken(request, DEMO.manager));

  const upload = await tryItOut(page, "bulkUploadTasks");
  await upload.locator('tr[data-param-name="dry_run"] select').selectOption("1");
  await upload.locator('input[type="file"]').setInputFiles({
    name: "tasks.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "title,description,assigned_to,status\n" +
        "Write the API guide,From Swagger UI,emma.employee@example.com,TODO\n" +
        "Review the API guide,,emma.employee@example.com,IN_PROGRESS\n",
    ),
  });
  const uploaded = await execute(upload);
  expect(uploaded.status).toBe("200");
  expect(JSON.parse(uploaded.body)).toMatchObject({ rows: 2, dry_run: true, created: 0 });

  const exportTasks = await tryItOut(page, "exportTasks");
  await exportTasks.getByRole("button", { name: "Execute" }).click();
  const csv = exportTasks.locator(".live-responses-table .response").first();
  await expect(csv.locator(".response-col_status")).toHaveText("200");
  await expect(csv.getByRole("link", { name: /download file/i })).toBeVisible();

  expect(violations).toEqual([]);
});

test("the deployed build serves the whole document, as JSON and with ?format=yaml as YAML", async ({
  request,
}) => {
  const json = await request.get("/api/schema/");
  expect(json.status()).toBe(200);
  const document = (await json.json()) as { paths: Record<string, unknown> };
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining(["/api/auth/login", "/api/tasks", "/api/tasks/{id}", "/api/users"]),
  );
  for (const url of ["/api/schema/?format=yaml", "/api/schema?format=yaml"]) {
    const yaml = await request.get(url);
    expect(yaml.status()).toBe(200);
    expect(yaml.headers()["content-type"]).toMatch(/^application\/yaml/);
    expect(parse(await yaml.text())).toEqual(document);
  }
  expect(await (await request.get("/api/schema/?format=json")).json()).toEqual(document);
  // A format it does not render is DRF's JSON 404, never the JSON document under another name.
  for (const url of [
    "/api/schema/?format=xml",
    "/api/schema?format=csv",
    "/api/schema/?format=YAML",
  ]) {
    const other = await request.get(url);
    expect({ url, status: other.status() }).toEqual({ url, status: 404 });
    expect(await other.json()).toEqual({ detail: "Not found." });
  }
});
