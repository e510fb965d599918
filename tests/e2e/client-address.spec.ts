import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_LOG_FILE } from "./env";

function logLineOf(requestId: string): Record<string, unknown> | undefined {
  return readFileSync(path.resolve(__dirname, "../..", E2E_LOG_FILE), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((line) => line.requestId === requestId && line.msg === "token refused");
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
