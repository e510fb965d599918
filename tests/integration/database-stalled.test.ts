import net from "node:net";
import mysql from "mysql2/promise";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { pool } from "@/db/client";
import { databaseIsUp } from "@/lib/services/health";
import { makeUser } from "../helpers/factories";
import { api } from "../helpers/api";

// A proxy in front of the real MariaDB that can stop passing statements on: a hung server, or a
// stalled network, behind connections that stay open. What it holds back is dropped, so a
// connection that saw a stall can never be used again.
const database = new URL(process.env.DATABASE_URL!);
const server = { host: database.hostname, port: Number(database.port || 3306) };
let stalled = false;
/** A statement whose text matches stalls the proxy as it passes (it never reaches the server). */
let stallAt: RegExp | null = null;
const sockets = new Set<net.Socket>();
const proxy = net.createServer((client) => {
  const upstream = net.connect(server.port, server.host);
  for (const socket of [client, upstream]) {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  }
  client.on("data", (chunk: Buffer) => {
    if (stallAt?.test(chunk.toString("latin1"))) stalled = true;
    if (!stalled) upstream.write(chunk);
  });
  upstream.pipe(client);
  client.on("error", () => upstream.destroy());
  upstream.on("error", () => client.destroy());
  client.on("close", () => upstream.destroy());
});
await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
const direct = database.toString();
database.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
// Read when the app's pool is first made, by the first query below.
process.env.DATABASE_URL = database.toString();
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  stalled = false;
  stallAt = null;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => proxy.close(resolve));
});

async function taskCount(): Promise<number> {
  const connection = await mysql.createConnection(direct);
  try {
    const [[row]] = await connection.query<mysql.RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM tasks",
    );
    return Number(row!.n);
  } finally {
    await connection.end();
  }
}

describe("the API with a database that stops answering mid-connection", () => {
  it("answers 503 after the statement deadline instead of hanging, then recovers", async () => {
    const admin = await makeUser("ADMIN");
    expect((await api("GET", "/api/tasks/", { token: admin.token })).status).toBe(200);

    stalled = true;
    const read = await api("GET", "/api/tasks/", { token: admin.token });
    expect(read.status).toBe(503);
    expect(read.headers.get("retry-after")).toBe("5");
    // A read changed nothing, whatever happened to its connection.
    expect(read.body).toEqual({
      detail: "The service is unavailable for a moment; nothing was changed. Try again shortly.",
    });

    // So did a write whose caller could not even be looked up.
    const write = await api("POST", "/api/tasks/", {
      token: admin.token,
      body: { title: "Never reaches its handler" },
    });
    expect(write.status).toBe(503);
    expect(write.body).toEqual(read.body);

    stalled = false;
    expect((await api("GET", "/api/tasks/", { token: admin.token })).status).toBe(200);
  });

  it("gives up a transaction's connection, so its rollback cannot hang either, and writes nothing", async () => {
    const manager = await makeUser("MANAGER");
    const before = await taskCount();

    // The caller is looked up and the transaction begun; the stall comes with the INSERT.
    stallAt = /insert into `tasks`/i;
    const write = await api("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "Written while the database stalls" },
    });
    expect(write.status).toBe(503);
    expect(write.body).toEqual({
      detail:
        "The connection to the database was lost during the request; a change may or may not have been saved. Check before sending it again.",
    });

    stallAt = null;
    stalled = false;
    expect(await taskCount()).toBe(before);
    const created = await api("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "Written once the database answers again" },
    });
    expect(created.status).toBe(201);
    expect(await taskCount()).toBe(before + 1);
  });

  it("puts the deadline on a transaction's COMMIT too, which mysql2 sends by a method of its own", async () => {
    const connection = await pool().getConnection();
    await connection.beginTransaction();
    await connection.query("SELECT 1");
    stallAt = /COMMIT/;
    await expect(connection.commit()).rejects.toMatchObject({ code: "PROTOCOL_SEQUENCE_TIMEOUT" });
    // Given up, the connection refuses anything more at once instead of queueing it.
    await expect(connection.rollback()).rejects.toMatchObject({
      code: "PROTOCOL_SEQUENCE_TIMEOUT",
    });
    connection.release();
  });

  it("sends no second health probe while the first has not answered", async () => {
    // Healthy, the first may need a new connection: the default timeout.
    expect(await databaseIsUp()).toBe(true);
    await sleep(1_100);
    stalled = true;
    // Sent, and given up after 300 ms; its statement waits on until the deadline (2 s).
    expect(await databaseIsUp(300)).toBe(false);
    const sent = [vi.spyOn(pool(), "query"), vi.spyOn(pool(), "execute")];
    try {
      await sleep(850);
      expect(await databaseIsUp(300)).toBe(false);
      for (const spy of sent) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of sent) spy.mockRestore();
    }
    // Nothing left in flight when the proxy goes.
    await sleep(1_000);
  });
});
