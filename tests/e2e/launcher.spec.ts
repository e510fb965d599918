import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./env";
import { childPids, exitWithin, launch } from "./helpers/launcher";

const PORT = E2E_PORT + 2;
const LIVE = `http://127.0.0.1:${PORT}/api/health/live/`;

async function answers(): Promise<boolean> {
  try {
    return (await fetch(LIVE)).status === 200;
  } catch {
    return false;
  }
}

test("npm start serves from one worker per WEB_CONCURRENCY, replaces a crashed one and stops cleanly", async () => {
  test.setTimeout(90_000);
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "2" });
  try {
    await expect.poll(() => server.output(), { timeout: 60_000 }).toContain("2 worker processes");
    const primary = server.process.pid!;
    const workers = childPids(primary);
    expect(workers).toHaveLength(2);
    expect(await answers()).toBe(true);

    process.kill(workers[0]!, "SIGKILL");
    await expect
      .poll(() => childPids(primary).filter((pid) => !workers.includes(pid)), { timeout: 60_000 })
      .toHaveLength(1);
    expect(server.output()).toContain(`Worker ${workers[0]} exited (SIGKILL): starting another.`);
    await expect.poll(answers, { timeout: 30_000 }).toBe(true);
    const survivors = childPids(primary);

    server.process.kill("SIGTERM");
    expect(await exitWithin(server, 20_000)).toBe(0);
    expect(survivors.filter((pid) => childPids(primary).includes(pid))).toEqual([]);
    expect(await answers()).toBe(false);
  } finally {
    server.process.kill("SIGKILL");
  }
});

test("npm start refuses a WEB_CONCURRENCY that is not a whole number of processes", async () => {
  const server = launch({ PORT: String(PORT), WEB_CONCURRENCY: "two" });
  expect(await exitWithin(server, 20_000)).toBe(1);
  expect(server.output()).toContain(
    'WEB_CONCURRENCY must be a whole number of processes (1 or more), not "two".',
  );
});
