import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";
import { E2E_BASE_URL } from "./env";

// Anyone who can set a cookie for this host (another app on another port, a sibling subdomain)
// could plant one next-auth cannot read; it used to answer /login and every page with a 500.
const BROKEN = "http://[::";

test("a callback-url cookie next-auth cannot read breaks neither sign-in nor pages, and is dropped", async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: "next-auth.callback-url", value: BROKEN, url: E2E_BASE_URL }]);
  const login = await page.goto("/login");
  expect(login!.status()).toBe(200);
  await signIn(page, DEMO.employee.email, DEMO.employee.password);
  await context.addCookies([{ name: "next-auth.callback-url", value: BROKEN, url: E2E_BASE_URL }]);
  const tasks = await page.goto("/my-tasks");
  expect(tasks!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const left = (await context.cookies()).filter((c) => c.name === "next-auth.callback-url");
  expect(left.map((c) => c.value)).not.toContain(BROKEN);
});

test("next-auth's own endpoints are served despite it, and the browser is told to drop it", async ({
  playwright,
}) => {
  for (const path of ["/api/auth/session", "/api/auth/csrf"]) {
    const browser = await playwright.request.newContext({
      baseURL: E2E_BASE_URL,
      storageState: {
        cookies: [
          {
            name: "next-auth.callback-url",
            value: encodeURIComponent(BROKEN),
            domain: new URL(E2E_BASE_URL).hostname,
            path: "/",
            expires: -1,
            httpOnly: false,
            secure: false,
            sameSite: "Lax",
          },
        ],
        origins: [],
      },
    });
    const res = await browser.get(path);
    expect(res.status(), path).toBe(200);
    const kept = (await browser.storageState()).cookies.filter(
      (c) => c.name === "next-auth.callback-url",
    );
    expect(
      kept.map((c) => decodeURIComponent(c.value)),
      path,
    ).not.toContain(BROKEN);
    await browser.dispose();
  }
});

test("beside the app's own usable cookie, a planted broken one does not get the app's expired", async ({
  request,
}) => {
  const res = await request.get("/api/auth/session", {
    headers: {
      cookie: `next-auth.callback-url=%2Fboard; next-auth.callback-url=${encodeURIComponent(BROKEN)}`,
    },
  });
  expect(res.status()).toBe(200);
  const setCookies = res
    .headersArray()
    .filter(
      (h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("next-auth.callback-url="),
    )
    .map((h) => h.value);
  // next-auth reads the usable value and writes it back as an absolute URL; nothing expires it.
  expect(setCookies).toHaveLength(1);
  expect(setCookies[0]).toMatch(/^next-auth\.callback-url=[^;]*%2Fboard;/);
  expect(setCookies[0]).not.toMatch(/max-age=0|expires=thu, 01 jan 1970/i);
});
