import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { DEMO } from "./helpers/demo-accounts";

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

async function tryListTasks(page: Page) {
  const operation = page.locator("#operations-Tasks-listTasks");
  if (!(await operation.locator(".opblock-body").isVisible())) {
    await operation.locator(".opblock-summary").first().click();
  }
  const tryItOut = operation.getByRole("button", { name: "Try it out" });
  if (await tryItOut.isVisible()) await tryItOut.click();
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
  const violations = await watchCsp(page);
  await page.goto("/api/docs/");
  await expect(page.getByRole("heading", { name: /ETUMS API/ })).toBeVisible();

  const anonymous = await tryListTasks(page);
  expect(anonymous.status).toBe("401");
  expect(JSON.parse(anonymous.body)).toEqual({
    detail: "Authentication credentials were not provided.",
  });

  const login = await request.post("/api/auth/login/", { data: DEMO.admin });
  expect(login.status()).toBe(200);
  const { access } = (await login.json()) as { access: string };

  await page
    .getByRole("button", { name: /authorize/i })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox").fill(access);
  await dialog.getByRole("button", { name: "Authorize", exact: true }).click();
  await dialog.getByRole("button", { name: "Close" }).click();

  const authorized = await tryListTasks(page);
  expect(authorized.status).toBe("200");
  const list = JSON.parse(authorized.body) as { count: number; results: { id: number }[] };
  expect(list.results.length).toBeGreaterThan(0);
  expect(list.count).toBeGreaterThanOrEqual(list.results.length);

  // The token is kept across reloads (persistAuthorization).
  await page.reload();
  await expect(page.getByRole("heading", { name: /ETUMS API/ })).toBeVisible();
  expect((await tryListTasks(page)).status).toBe("200");

  expect(violations).toEqual([]);
});

test("Swagger UI: Try it out uploads a CSV file (multipart) and downloads the CSV export", async ({
  page,
  request,
}) => {
  const violations = await watchCsp(page);
  const login = await request.post("/api/auth/login/", { data: DEMO.manager });
  const { access } = (await login.json()) as { access: string };
  await page.goto("/api/docs/");
  await page
    .getByRole("button", { name: /authorize/i })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox").fill(access);
  await dialog.getByRole("button", { name: "Authorize", exact: true }).click();
  await dialog.getByRole("button", { name: "Close" }).click();

  const upload = page.locator("#operations-Bulk-bulkUploadTasks");
  await upload.locator(".opblock-summary").first().click();
  await upload.getByRole("button", { name: "Try it out" }).click();
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
  await upload.getByRole("button", { name: "Execute" }).click();
  const uploaded = upload.locator(".live-responses-table .response").first();
  await expect(uploaded.locator(".response-col_status")).toHaveText("200");
  const result = JSON.parse(
    await uploaded.locator(".response-col_description pre").first().innerText(),
  ) as { rows: number; dry_run: boolean };
  expect(result).toMatchObject({ rows: 2, dry_run: true });

  const exported = page.locator("#operations-Bulk-exportTasks");
  await exported.locator(".opblock-summary").first().click();
  await exported.getByRole("button", { name: "Try it out" }).click();
  await exported.getByRole("button", { name: "Execute" }).click();
  const csv = exported.locator(".live-responses-table .response").first();
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
});
