import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config } from "@/lib/config";
import { publicRoute } from "@/lib/http/api-route";
import { api } from "../helpers/api";

type LogLine = { level: string; msg: string; requestId?: string; status?: number };

function linesOf(requestId: string): LogLine[] {
  return fs
    .readFileSync(path.resolve(config().LOG_FILE), "utf8")
    .split("\n")
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as LogLine);
}

/** A body that stops as Node's request stream does when the client closes the connection. */
function bodyCutOffByClient(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"email":"someone@exa'));
      controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    },
  });
}

/** A route that throws `error` for a client that has already gone; its answer and log lines. */
async function failAfterClientLeft(error: Error) {
  const requestId = crypto.randomUUID();
  const route = publicRoute(async () => {
    throw error;
  });
  const request = new NextRequest("http://127.0.0.1:3000/api/health/", {
    headers: { "x-request-id": requestId },
    signal: AbortSignal.abort(),
  });
  const res = await route(request, { params: Promise.resolve({}) });
  return { status: res.status, logged: linesOf(requestId).map((l) => [l.level, l.msg]) };
}

describe("a client that hangs up mid-body", () => {
  it("is logged as gone, at warn, and not as the database being down", async () => {
    const requestId = crypto.randomUUID();
    const res = await api("POST", "/api/auth/login/", {
      rawBody: bodyCutOffByClient(),
      headers: { "content-type": "application/json", "x-request-id": requestId },
    });
    expect(res.status).toBe(400);
    const lines = linesOf(requestId);
    expect(lines.map((l) => [l.level, l.msg])).toContainEqual([
      "warn",
      "client closed the connection mid-body",
    ]);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
  });

  it("does not hide a failure of the server's own behind a client that left meanwhile", async () => {
    const databaseTimedOut = Object.assign(new Error("connect ETIMEDOUT"), {
      code: "ETIMEDOUT",
      fatal: true,
    });
    const { status, logged } = await failAfterClientLeft(databaseTimedOut);
    expect(status).toBe(503);
    expect(logged).toContainEqual(["error", "database unavailable"]);
  });

  it("reports a bug that failed after the client left as the 500 it is", async () => {
    const { status, logged } = await failAfterClientLeft(
      new TypeError("Cannot read properties of undefined"),
    );
    expect(status).toBe(500);
    expect(logged).toContainEqual(["error", "unhandled error"]);
  });
});
