import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO } from "./demo-accounts";
import { accessToken } from "./login";

type Login = { email: string; password: string };

/** Creates a task through the real API as `login`; returns its id. */
export async function createTask(
  request: APIRequestContext,
  login: Login,
  data: Record<string, unknown>,
): Promise<number> {
  const authorization = `Bearer ${await accessToken(request, login)}`;
  const created = await request.post("/api/tasks/", { headers: { authorization }, data });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: number }).id;
}

/** Someone's id, as the users list answers `login` (a manager or an admin) for their e-mail. */
export async function userIdByEmail(
  request: APIRequestContext,
  login: Login,
  email: string,
): Promise<number> {
  const authorization = `Bearer ${await accessToken(request, login)}`;
  const res = await request.get(`/api/users/?search=${encodeURIComponent(email)}`, {
    headers: { authorization },
  });
  expect(res.status()).toBe(200);
  const { results } = (await res.json()) as { results: { id: number; email: string }[] };
  const match = results.find((user) => user.email === email);
  expect(match, email).toBeDefined();
  return match!.id;
}

/** Creates a user through the real API as the demo admin; returns their id. */
export async function createUser(
  request: APIRequestContext,
  data: { email: string; full_name: string; role: string; password?: string },
): Promise<number> {
  const authorization = `Bearer ${await accessToken(request, DEMO.admin)}`;
  const created = await request.post("/api/users/", { headers: { authorization }, data });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: number }).id;
}
