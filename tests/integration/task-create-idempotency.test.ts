import { beforeAll, describe, expect, it } from "vitest";
import type { TaskDto } from "@/lib/validation/tasks";
import { api } from "../helpers/api";
import { makeUser, type TestUser } from "../helpers/factories";
import { taskCount } from "./bulk-helpers";

type Detail = { detail: string };

let manager: TestUser;
let otherManager: TestUser;
let employee: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  otherManager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
});

function create(user: TestUser, key: string | null, body: unknown, rawBody?: string) {
  const headers: Record<string, string> = key === null ? {} : { "Idempotency-Key": key };
  if (rawBody !== undefined) headers["content-type"] = "application/json";
  return api<TaskDto & Detail>("POST", "/api/tasks/", {
    token: user.token,
    ...(rawBody === undefined ? { body } : { rawBody }),
    headers,
  });
}

describe("POST /api/tasks/ with an Idempotency-Key", () => {
  it("creates once: a retry replays the first answer, in any key order", async () => {
    const key = `single-${Date.now()}`;
    const before = await taskCount();
    const first = await create(manager, key, { title: "Order chairs", assigned_to: employee.id });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const retry = await create(
      manager,
      key,
      null,
      JSON.stringify({ assigned_to: employee.id, title: "Order chairs", priority: "MEDIUM" }),
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(retry.headers.get("location")).toBe(`/api/tasks/${first.body.id}/`);
    expect(await taskCount()).toBe(before + 1);
  });

  it("refuses the key with another task (409), and keeps keys apart per user", async () => {
    const key = `other-${Date.now()}`;
    expect((await create(manager, key, { title: "First" })).status).toBe(201);
    const before = await taskCount();
    const other = await create(manager, key, { title: "Second" });
    expect(other.status).toBe(409);
    expect(other.body.detail).toMatch(/different request body/);
    expect(await taskCount()).toBe(before);

    const colleague = await create(otherManager, key, { title: "Second" });
    expect(colleague.status).toBe(201);
    expect(colleague.headers.get("idempotent-replayed")).toBeNull();
  });

  it("writes once when two requests with the same key race", async () => {
    const key = `race-${Date.now()}`;
    const before = await taskCount();
    const [a, b] = await Promise.all([
      create(manager, key, { title: "Raced" }),
      create(manager, key, { title: "Raced" }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await taskCount()).toBe(before + 1);
  });

  it("stores nothing for a refused request, so a corrected retry goes through", async () => {
    const key = `fixed-${Date.now()}`;
    expect((await create(manager, key, { title: "" })).status).toBe(400);
    expect((await create(employee, key, { title: "Not mine to make" })).status).toBe(403);
    const fixed = await create(manager, key, { title: "Now with a title" });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses a key that is not 1 to 255 visible ASCII characters, creating nothing", async () => {
    const before = await taskCount();
    const bad = await create(manager, "with space", { title: "Never" });
    expect(bad.status).toBe(400);
    expect(await taskCount()).toBe(before);
  });
});
