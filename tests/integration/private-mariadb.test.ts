import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPrivateMariaDb } from "@/lib/cli/private-mariadb.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "etums-private-mariadb-"));
const pidFile = path.join(dir, "mysql.pid");
// An option file that no server could start under, where MariaDB looks for the user's own:
// the private server must ignore option files, whatever the machine's (Debian's names a user
// that cannot write the data folder).
const home = fs.mkdtempSync(path.join(os.tmpdir(), "etums-private-mariadb-home-"));
fs.writeFileSync(path.join(home, ".my.cnf"), "[mysqld]\nno-such-option-etums = 1\n");

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the server and waits for its process to end: it still writes its files after it stops listening. */
async function stop(): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 120 && running(pid); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let port = 0;

beforeAll(() => {
  vi.stubEnv("HOME", home);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await stop();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

describe("the demo's private MariaDB", { timeout: 120_000 }, () => {
  it("starts whatever option files say, in utf8mb4, and keeps its data across restarts", async () => {
    port = await freePort();
    expect(await startPrivateMariaDb(dir, port)).toBe("started");
    const url = `mysql://root@127.0.0.1:${port}`;
    const first = await mysql.createConnection(url);
    try {
      const [[server]] = await first.query<mysql.RowDataPacket[]>(
        "SELECT @@datadir AS datadir, @@character_set_server AS charset",
      );
      expect(server).toEqual({ datadir: `${path.join(dir, "mysql")}/`, charset: "utf8mb4" });
      await first.query("CREATE DATABASE kept");
    } finally {
      await first.end();
    }

    await stop();
    expect(await startPrivateMariaDb(dir, port)).toBe("started");
    const second = await mysql.createConnection(url);
    try {
      const [databases] = await second.query<mysql.RowDataPacket[]>("SHOW DATABASES LIKE 'kept'");
      expect(databases).toHaveLength(1);
    } finally {
      await second.end();
    }
  });
});
