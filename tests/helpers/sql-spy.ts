import { vi } from "vitest";
import { pool } from "@/db/client";

/**
 * Records, from now until vi.restoreAllMocks(), every SQL statement that names the tasks table,
 * whatever path (pool query, execute, or a checked-out connection) it takes.
 */
export function recordTaskStatements(): string[] {
  const seen: string[] = [];
  const p = pool();
  const record = (arg: unknown) => {
    const text = typeof arg === "string" ? arg : String((arg as { sql?: string }).sql ?? "");
    if (/\btasks\b/i.test(text)) seen.push(text);
  };
  for (const method of ["query", "execute"] as const) {
    const original = p[method].bind(p) as (...args: unknown[]) => unknown;
    vi.spyOn(p, method).mockImplementation(((...args: unknown[]) => {
      record(args[0]);
      return original(...args);
    }) as never);
  }
  const originalGet = p.getConnection.bind(p);
  vi.spyOn(p, "getConnection").mockImplementation(async () => {
    const connection = await originalGet();
    seen.push("(a connection was checked out)");
    return connection;
  });
  return seen;
}
