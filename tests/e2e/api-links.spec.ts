import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { E2E_BASE_URL, E2E_PORT } from "./env";
import { accessToken } from "./helpers/login";

type Page = { next: string | null; previous: string | null };

// Next hands route handlers http://localhost:PORT/… whatever the client asked for: only a real
// server shows whether the links follow the address the client used.
test("pagination links point where the client addressed the server, not at localhost", async ({
  request,
}) => {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;

  const tasks = (await (
    await request.get("/api/tasks/?page_size=1", { headers: { authorization } })
  ).json()) as Page;
  expect(tasks.next).toBe(`${E2E_BASE_URL}/api/tasks/?page_size=1&page=2`);

  const users = (await (
    await request.get("/api/users/?page_size=1&page=2", { headers: { authorization } })
  ).json()) as Page;
  expect(users.previous).toBe(`${E2E_BASE_URL}/api/users/?page_size=1`);
  expect(users.next).toBe(`${E2E_BASE_URL}/api/users/?page_size=1&page=3`);

  const proxied = (await (
    await request.get(`http://localhost:${E2E_PORT}/api/tasks/?page_size=1`, {
      headers: { authorization, "x-forwarded-proto": "https" },
    })
  ).json()) as Page;
  expect(proxied.next).toBe(`https://localhost:${E2E_PORT}/api/tasks/?page_size=1&page=2`);
});
