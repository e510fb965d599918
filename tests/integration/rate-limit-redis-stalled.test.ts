import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLimiter } from "@/lib/security/limiter";

// A proxy in front of the real Redis that can stop passing commands on: a hung Redis, or a
// stalled network, behind a connection that stays open.
const redisUrl = new URL(process.env.REDIS_URL!);
let proxy: net.Server;
let stalled = false;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(redisUrl.port || 6379), redisUrl.hostname);
    sockets.push(client, upstream);
    client.on("data", (chunk) => stalled || upstream.write(chunk));
    upstream.pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => proxy.close(resolve));
});

describe("the rate limiter with a Redis that stops answering", () => {
  it("waits for it once, then decides in-process without waiting on every request", async () => {
    const port = (proxy.address() as net.AddressInfo).port;
    const limiter = createLimiter({
      prefix: `etums-test:stalled-${Date.now()}`,
      limit: 100,
      windowSeconds: 60,
      backend: { kind: "redis", url: `redis://127.0.0.1:${port}` },
      redisTimeoutMs: 1_500,
    });
    try {
      expect(await limiter.check("caller")).toMatchObject({ success: true, backend: "redis" });
      stalled = true;
      expect(await limiter.check("caller")).toMatchObject({ success: true, backend: "memory" });
      // Each of these would wait out the timeout again; together they take a fraction of one.
      const started = Date.now();
      for (let i = 0; i < 5; i += 1) {
        expect(await limiter.check("caller")).toMatchObject({ success: true, backend: "memory" });
      }
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await limiter.close();
    }
  });
});
