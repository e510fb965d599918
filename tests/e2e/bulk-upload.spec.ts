import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { accessToken } from "./helpers/login";

/**
 * A manager and an employee of this test's own, made by the demo admin, so that 20,000 uploaded
 * tasks never land in the demo people's lists that the other journeys look at.
 */
async function ownTeam(request: APIRequestContext) {
  const admin = { authorization: `Bearer ${await accessToken(request, DEMO.admin)}` };
  const unique = Date.now().toString(36);
  const password = "Bulk-Upload-Pass-2026";
  const team = {
    manager: { email: `bulk-manager-${unique}@example.com`, password },
    employee: { email: `bulk-employee-${unique}@example.com`, password },
  };
  for (const [role, person] of [
    ["MANAGER", team.manager],
    ["EMPLOYEE", team.employee],
  ] as const) {
    const created = await request.post("/api/users/", {
      headers: admin,
      data: { ...person, full_name: `Bulk ${role.toLowerCase()} ${unique}`, role },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  return team;
}

// Through the real server: a middleware in front of /api would copy request bodies and cut them at
// 10 MB, so a file larger than that must arrive whole.
test("a 12 MB CSV upload arrives whole through the real server and comes back in the export", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const team = await ownTeam(request);
  const token = await accessToken(request, team.manager);
  const headers = { authorization: `Bearer ${token}` };
  const rows = 20_000;
  const filler = "x".repeat(560);
  let csv = "title,description,assigned_to,status\n";
  for (let i = 0; i < rows; i++) csv += `E2E bulk ${i},${filler},${team.employee.email},TODO\n`;
  expect(csv.length).toBeGreaterThan(11 * 1024 * 1024);

  const res = await request.post("/api/tasks/bulk-upload/", {
    headers,
    multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
    timeout: 120_000,
  });
  expect(res.status(), await res.text()).toBe(201);
  expect(await res.json()).toMatchObject({ created: rows });

  const exported = await request.get("/api/tasks/export/?search=E2E%20bulk%2019999", { headers });
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await exported.text();
  expect(text).toContain(`E2E bulk 19999,${filler},${team.employee.email},TODO`);
});

test("over the upload limit is 413 from the server, as JSON", async ({ request }) => {
  const token = await accessToken(request, DEMO.manager);
  const res = await request.post("/api/tasks/bulk-upload/", {
    headers: { authorization: `Bearer ${token}` },
    multipart: {
      file: { name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(21 * 1024 * 1024, 97) },
    },
    timeout: 120_000,
  });
  expect(res.status()).toBe(413);
  expect(await res.json()).toMatchObject({ detail: expect.stringMatching(/upload limit/) });
});
