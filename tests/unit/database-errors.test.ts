import { describe, expect, it } from "vitest";
import { databaseUnavailability } from "@/lib/services/database-errors";

const socketError = (code: string, fatal?: boolean) =>
  Object.assign(new Error(code), { code, ...(fatal === undefined ? {} : { fatal }) });

describe("which failures mean the database is out of reach", () => {
  it("takes socket errors that mysql2 marked fatal to its connection, wrapped or not", () => {
    expect(databaseUnavailability(socketError("ECONNREFUSED", true))).toBe("unreachable");
    const wrapped = new Error("Failed query", { cause: socketError("ECONNRESET", true) });
    expect(databaseUnavailability(wrapped)).toBe("lost");
    // A connection dropped before its first statement went out (its session settings failed).
    expect(databaseUnavailability(socketError("ERR_STREAM_WRITE_AFTER_END", true))).toBe(
      "unreachable",
    );
  });

  it("takes the server's own refusals and mysql2's protocol errors", () => {
    expect(databaseUnavailability(socketError("ER_LOCK_WAIT_TIMEOUT"))).toBe("unreachable");
    expect(databaseUnavailability(socketError("ER_DUP_ENTRY"))).toBeNull();
    // mysql2's own protocol errors, which it never marks fatal (a query timeout among them).
    expect(databaseUnavailability(socketError("PROTOCOL_SEQUENCE_TIMEOUT"))).toBe("lost");
  });

  it("takes a statement the server stopped at its time limit, which mysql2 names by number only", () => {
    const limit = (errno: number) =>
      Object.assign(new Error("Query execution was interrupted"), { errno, sqlState: "70100" });
    expect(databaseUnavailability(limit(1969))).toBe("unreachable");
    expect(databaseUnavailability(new Error("Failed query", { cause: limit(3024) }))).toBe(
      "unreachable",
    );
    expect(databaseUnavailability(limit(1064))).toBeNull();
    // A COMMIT stopped so may or may not have taken effect.
    expect(databaseUnavailability(Object.assign(limit(1969), { sql: "COMMIT" }))).toBe("lost");
  });

  it("does not take a client's hang-up (Node's 'aborted' ECONNRESET on the request body) for it", () => {
    expect(
      databaseUnavailability(Object.assign(new Error("aborted"), { code: "ECONNRESET" })),
    ).toBeNull();
    expect(databaseUnavailability(socketError("EPIPE"))).toBeNull();
  });
});
