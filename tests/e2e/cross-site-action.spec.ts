import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/demo-accounts";
import { signIn } from "./helpers/login";

test("a server action posted from another site's page is refused with a 403, not a 500", async ({
  page,
}) => {
  await signIn(page, DEMO.manager.email, DEMO.manager.password);
  const refused = await page.request.post("/tasks", {
    headers: {
      origin: "https://evil.example",
      "next-action": "0".repeat(42),
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe("A request from another site is refused.");
  expect(refused.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("so is a plain HTML form posted to a page from another site, which Next takes for an action", async ({
  request,
}) => {
  const refused = await request.post("/tasks", {
    headers: { origin: "https://evil.example" },
    multipart: { title: "Forged" },
  });
  expect(refused.status()).toBe(403);
});
