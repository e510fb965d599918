import { vi } from "vitest";
import { pool } from "@/db/client";
import { TOKEN_USER_SQL } from "@/lib/services/sessions";

type Sender = Record<"query" | "execute", (...args: unknown[]) => unknown>;

/** Wraps `target`'s query and execute so that each statement's text lands in `seen`. */
function spyOnStatements(target: Sender, seen: string[]): void {
  for (const method of ["query", "execute"] as const) {
    const original = target[method].bind(target);
    vi.spyOn(target, method).mockImplementation((...args: unknown[]) => {
      const [arg] = args;
      seen.push(typeof arg === "string" ? arg : String((arg as { sql?: string }).sql ?? ""));
      return original(...args);
    });
  }
}

/**
 * Records, from now until vi.restoreAllMocks(), every SQL statement sent on any table, whatever
 * path (pool query, execute, or a checked-out connection, as transactions use) it takes.
 */
export function recordStatements(): string[] {
  const seen: string[] = [];
  const p = pool();
  spyOnStatements(p as unknown as Sender, seen);
  const originalGet = p.getConnection.bind(p);
  vi.spyOn(p, "getConnection").mockImplementation(async () => {
    const connection = await originalGet();
    spyOnStatements(connection as unknown as Sender, seen);
    return connection;
  });
  return seen;
}

/** The statements after the caller's user lookup, which every authenticated request sends first. */
export function afterSessionLookup(seen: readonly string[]): string[] {
  if (seen[0] !== TOKEN_USER_SQL) {
    throw new Error(`Expected the token user lookup first, got: ${seen[0] ?? "(nothing)"}`);
  }
  return seen.slice(1);
}
