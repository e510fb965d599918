import mysql from "mysql2/promise";
import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { publicRoute } from "@/lib/http/api-route";

describe("a database connection lost during a request", () => {
  it("is a 503 that does not promise that nothing was saved", async () => {
    const victim = await mysql.createConnection(process.env.DATABASE_URL!);
    const killer = await mysql.createConnection(process.env.DATABASE_URL!);
    try {
      const [[row]] = await victim.query<mysql.RowDataPacket[]>("SELECT CONNECTION_ID() AS id");
      const route = publicRoute(
        async () => {
          await victim.query("SELECT SLEEP(10)");
          return NextResponse.json({});
        },
        { authenticate: false },
      );
      // A write: a read that lost its connection changed nothing, and its 503 says so instead.
      const answer = route(new NextRequest("http://127.0.0.1/api/probe/", { method: "POST" }), {
        params: Promise.resolve({}),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await killer.query(`KILL ${Number(row!.id)}`);
      const res = await answer;
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(await res.json()).toEqual({
        detail:
          "The connection to the database was lost during the request; a change may or may not have been saved. Check before sending it again.",
      });
    } finally {
      victim.destroy();
      await killer.end();
    }
  });
});
