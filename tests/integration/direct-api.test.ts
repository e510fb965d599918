import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIRECT_ROUTES } from "@/app/api/direct-routes";
import { config } from "@/lib/config";
import { createDirectApi, findDirectRoute } from "@/lib/cli/direct-api.mjs";
import { makeTask, makeUser, type TestUser } from "../helpers/factories";

// npm start's first step (lib/cli/start.mjs) in front of a stand-in for Next that says it was asked.
const LEFT_TO_NEXT = 299;
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const answerDirectly = await createDirectApi(DIRECT_ROUTES, "127.0.0.1", port);
  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (answerDirectly(request, response)) return;
    response.writeHead(LEFT_TO_NEXT).end();
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  reusedSocket: boolean;
};

function send(
  method: string,
  url: string,
  options: {
    token?: string;
    headers?: Record<string, string>;
    body?: string;
    agent?: http.Agent;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: "127.0.0.1",
      port,
      method,
      path: url,
      headers,
      agent: options.agent,
      timeout: 5_000,
    });
    request.on("timeout", () => request.destroy(new Error(`${method} ${url}: no answer in 5 s`)));
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          body: Buffer.concat(chunks),
          reusedSocket: request.reusedSocket,
        }),
      );
    });
    request.end(options.body);
  });
}

const json = (answer: Answer) =>
  JSON.parse(answer.body.toString("utf8")) as Record<string, unknown>;

describe("which requests npm start answers itself", () => {
  it.each([
    ["GET", "/api/tasks"],
    ["GET", "/api/tasks/?page=2&ordering=-due_date"],
    ["POST", "/api/tasks/"],
    ["GET", "/api/tasks/12"],
    ["PUT", "/api/tasks/12/"],
    ["PATCH", "/api/tasks/12/?x=1"],
    ["DELETE", "/api/tasks/12/"],
  ])("%s %s: the task routes", (method, url) => {
    expect(findDirectRoute(DIRECT_ROUTES, method, url)).not.toBeNull();
  });

  it("passes the task's id as Next's router would", () => {
    expect(findDirectRoute(DIRECT_ROUTES, "PATCH", "/api/tasks/12/")?.params).toEqual({ id: "12" });
    expect(findDirectRoute(DIRECT_ROUTES, "GET", "/api/tasks/")?.params).toEqual({});
  });

  it.each([
    ["HEAD", "/api/tasks/"],
    ["OPTIONS", "/api/tasks/12/"],
    ["PATCH", "/api/tasks/"],
    ["POST", "/api/tasks/12/"],
    ["GET", "/api/tasks/abc/"],
    ["GET", "/api/tasks/%31/"],
    ["GET", "/api//tasks/"],
    ["GET", "/api/tasks/12/activity/"],
    ["GET", "/api/tasks/export/"],
    ["GET", "/api/users/"],
    ["GET", "/tasks"],
  ])("%s %s: Next's", async (method, url) => {
    expect(findDirectRoute(DIRECT_ROUTES, method, url)).toBeNull();
    expect((await send(method, url)).status).toBe(LEFT_TO_NEXT);
  });
});

describe("what a direct answer carries", () => {
  let manager: TestUser;
  let taskId: number;

  beforeAll(async () => {
    manager = await makeUser("MANAGER");
    taskId = await makeTask({ title: "Direct answer", createdBy: manager.id });
  });

  it("the handler's answer with the headers next.config.mjs gives every /api answer", async () => {
    const answer = await send("GET", `/api/tasks/${taskId}/`, { token: manager.token });
    expect(answer.status).toBe(200);
    expect(json(answer)).toMatchObject({ id: taskId, title: "Direct answer", version: 1 });
    expect(answer.headers).toMatchObject({
      etag: '"1"',
      "cache-control": "private, no-store",
      "content-type": "application/json",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "cross-origin-resource-policy": "same-origin",
      "content-length": String(answer.body.length),
    });
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers["strict-transport-security"]).toBeUndefined();

    const behindHttps = await send("GET", `/api/tasks/${taskId}/`, {
      token: manager.token,
      headers: { "x-forwarded-proto": "https" },
    });
    expect(behindHttps.headers["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("errors as JSON: no credentials, a malformed body, another content type, a stale If-Match", async () => {
    const anonymous = await send("GET", "/api/tasks/");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toContain("Bearer");
    const url = `/api/tasks/${taskId}/`;
    const malformed = await send("PATCH", url, { token: manager.token, body: '{"status":' });
    expect(malformed.status).toBe(400);
    expect(json(malformed).detail).toEqual(expect.any(String));
    const form = await send("PATCH", url, {
      token: manager.token,
      body: "status=DONE",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const stale = await send("PATCH", url, {
      token: manager.token,
      body: '{"status":"DONE"}',
      headers: { "if-match": '"99"' },
    });
    expect(stale.status).toBe(412);
  });

  it("reads a PATCH's body and writes it once", async () => {
    const changed = await send("PATCH", `/api/tasks/${taskId}`, {
      token: manager.token,
      body: '{"status":"IN_PROGRESS"}',
    });
    expect(changed.status).toBe(200);
    expect(json(changed)).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect(changed.headers.etag).toBe('"2"');
  });

  it("answers a DELETE with a bare 204", async () => {
    const doomed = await makeTask({ title: "Doomed", createdBy: manager.id });
    const deleted = await send("DELETE", `/api/tasks/${doomed}/`, { token: manager.token });
    expect(deleted.status).toBe(204);
    expect(deleted.body.length).toBe(0);
    expect(deleted.headers["content-length"]).toBeUndefined();
    const gone = await send("GET", `/api/tasks/${doomed}/`, { token: manager.token });
    expect(gone.status).toBe(404);
  });

  it("compresses a list for a client that accepts gzip, as Next does", async () => {
    const owner = await makeUser("MANAGER");
    for (let i = 0; i < 5; i += 1) {
      await makeTask({ title: `Long ${i}`, description: "x".repeat(400), createdBy: owner.id });
    }
    const gzipped = await send("GET", "/api/tasks/", {
      token: owner.token,
      headers: { "accept-encoding": "gzip" },
    });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toContain("Accept-Encoding");
    const list = JSON.parse(zlib.gunzipSync(gzipped.body).toString("utf8")) as { count: number };
    expect(list.count).toBe(5);

    const plain = await send("GET", "/api/tasks/", { token: owner.token });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString("utf8"))).toMatchObject({ count: 5 });
  });
});

describe("a body the handler never reads", () => {
  // Refused before the body is read (no credentials, a declared length over 1 MB): Node drains the
  // rest, so a keep-alive connection carries the client's next request.
  it("refused for want of credentials: the connection answers the next request", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send("POST", "/api/tasks/", { body: "x".repeat(300_000), agent });
      expect(refused.status).toBe(401);
      const next = await send("GET", "/api/tasks/", { agent });
      expect(next).toMatchObject({ status: 401, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });

  it("over 1 MB from a signed-in caller: 413 without reading it, and the connection goes on", async () => {
    const manager = await makeUser("MANAGER");
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const tooLarge = await send("POST", "/api/tasks/", {
        token: manager.token,
        body: `{"title":"${"x".repeat(1_100_000)}"}`,
        agent,
      });
      expect(tooLarge.status).toBe(413);
      const next = await send("GET", "/api/tasks/", { token: manager.token, agent });
      expect(next).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });
});

describe("a client that leaves mid-body", () => {
  it("is logged as having left, and the server goes on answering", async () => {
    const manager = await makeUser("MANAGER");
    const taskId = await makeTask({ title: "Half a body", createdBy: manager.id });
    const requestId = crypto.randomUUID();
    await new Promise<void>((resolve) => {
      const request = http.request({
        host: "127.0.0.1",
        port,
        method: "PATCH",
        path: `/api/tasks/${taskId}/`,
        headers: {
          authorization: `Bearer ${manager.token}`,
          "content-type": "application/json",
          "content-length": "100",
          "x-request-id": requestId,
        },
      });
      request.on("error", () => resolve());
      request.write('{"status":');
      setTimeout(() => request.destroy(), 200);
    });
    const log = path.resolve(config().LOG_FILE);
    await expect
      .poll(() =>
        fs
          .readFileSync(log, "utf8")
          .split("\n")
          .find((l) => l.includes(requestId)),
      )
      .toContain("client closed the connection mid-body");
    const after = await send("GET", `/api/tasks/${taskId}/`, { token: manager.token });
    expect(json(after)).toMatchObject({ status: "TODO", version: 1 });
  });
});
