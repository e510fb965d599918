import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Point this file's database at a closed port before anything reads the configuration.
process.env.DATABASE_URL = "mysql://root@127.0.0.1:1/etums_test";

const logFile = path.resolve(process.env.LOG_FILE ?? "logs/test.log");

function linesOf(requestId: string): { level: string; msg: string; status?: number }[] {
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as { level: string; msg: string; status?: number });
}

async function probe() {
  const { api } = await import("../helpers/api");
  const requestId = `req-${crypto.randomUUID()}`;
  const res = await api("GET", "/api/health/", { headers: { "x-request-id": requestId } });
  return { ...res, contentType: res.headers.get("content-type"), requestId };
}

describe("health with the database down", () => {
  it("answers 503 with a JSON body; logs the outage once at error level, each probe as a warning", async () => {
    const first = await probe();
    expect(first.status).toBe(503);
    expect(first.contentType).toContain("application/json");
    expect(first.body).toEqual({ status: "degraded", db: "down" });
    // Past the second in which one probe's answer is reused, so that the next asks the database.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await probe();
    expect(second.status).toBe(503);

    const errors = (requestId: string) => linesOf(requestId).filter((l) => l.level === "error");
    expect(errors(first.requestId)).toEqual([
      expect.objectContaining({ msg: "the database does not answer health checks" }),
    ]);
    expect(errors(second.requestId)).toEqual([]);
    for (const { requestId } of [first, second]) {
      const requestLines = linesOf(requestId).filter((l) => l.status !== undefined);
      expect(requestLines).toEqual([expect.objectContaining({ level: "warn", status: 503 })]);
    }
  });

  it("leaves liveness at 200: a database outage must not restart the app", async () => {
    const { api } = await import("../helpers/api");
    const res = await api("GET", "/api/health/live/");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});
