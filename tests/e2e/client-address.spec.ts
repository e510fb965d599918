import { expect, test } from "@playwright/test";
import { appLogLines } from "./helpers/app-log";

function logLineOf(requestId: string): Record<string, unknown> | undefined {
  return appLogLines().find((line) => line.requestId === requestId && line.msg === "token refused");
}

// Rate limits and logs key on this address: a client that could write it could dodge the limits.
test("a client's own X-Forwarded-For entries are not taken for its address", async ({
  request,
}) => {
  const requestId = `forged-xff-${Date.now()}`;
  const res = await request.get("/api/users/me/", {
    headers: {
      authorization: "Bearer not-a-token",
      "x-forwarded-for": "203.0.113.7",
      "x-request-id": requestId,
    },
  });
  expect(res.status()).toBe(401);
  await expect.poll(() => logLineOf(requestId)).toMatchObject({ ip: "127.0.0.1" });
});

test("a browser sign-in is logged under the id its answer carries, when the client sent none", async ({
  request,
}) => {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const email = `nobody-${Date.now()}@example.com`;
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: "Not-the-password-0" },
    headers: { origin: new URL(csrf.url()).origin },
    maxRedirects: 0,
  });
  const requestId = res.headers()["x-request-id"];
  expect(requestId).toBeTruthy();
  await expect
    .poll(() =>
      appLogLines().find(
        (line) => line.msg === "sign-in failed" && line.ip && line.requestId === requestId,
      ),
    )
    .toMatchObject({ reason: "unknown email" });
});
