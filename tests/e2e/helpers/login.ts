import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Signs in through the real /login form and waits until the browser has left it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** An API access token, from the real POST /api/auth/login/. */
export async function accessToken(
  request: APIRequestContext,
  login: { email: string; password: string },
): Promise<string> {
  const res = await request.post("/api/auth/login/", { data: login });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { access: string }).access;
}
