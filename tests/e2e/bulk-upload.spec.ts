import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";

async function managerToken(request: APIRequestContext): Promise<string> {
  const login = await request.post("/api/auth/login/", { data: DEMO.manager });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { access: string }).access;
}

// Through the real server and its middleware, which copies request bodies (and would cut them at
// 10 MB unless next.config allows more): a file larger than that must arrive whole.
test("a 12 MB CSV upload arrives whole through the middleware and comes back in the export", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const token = await managerToken(request);
  const headers = { authorization: `Bearer ${token}` };
  const rows = 20_000;
  const filler = "x".repeat(560);
  let csv = "title,description,assigned_to,status\n";
  for (let i = 0; i < rows; i++) csv += `E2E bulk ${i},${filler},emma.employee@example.com,TODO\n`;
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
  expect(text).toContain(`E2E bulk 19999,${filler},emma.employee@example.com,TODO`);
});

test("over the upload limit is 413 from the server, as JSON", async ({ request }) => {
  const token = await managerToken(request);
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
