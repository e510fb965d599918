import { readFileSync } from "node:fs";
import path from "node:path";
import type { RowDataPacket } from "mysql2";
import { pool } from "@/db/client";
import { api, type ApiResponse } from "../helpers/api";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

/** POST a CSV to bulk-upload as a browser would: multipart field `file`. */
export function upload<T = Record<string, unknown>>(
  token: string,
  content: string | Uint8Array,
  options: {
    fileName?: string;
    type?: string;
    query?: string;
    headers?: Record<string, string>;
    /** The `columns` mapping field, sent before the file. */
    columns?: string;
  } = {},
): Promise<ApiResponse<T>> {
  const form = new FormData();
  if (options.columns !== undefined) form.append("columns", options.columns);
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  form.append(
    "file",
    new Blob([new Uint8Array(bytes)], { type: options.type ?? "text/csv" }),
    options.fileName ?? "tasks.csv",
  );
  return api<T>("POST", `/api/tasks/bulk-upload/${options.query ?? ""}`, {
    token,
    rawBody: form,
    headers: options.headers,
  });
}

/** Row counts and CHECKSUM TABLE of every table an import writes: equal means untouched. */
export async function databaseState(): Promise<string> {
  const [rows] = await pool().query<RowDataPacket[]>(
    "CHECKSUM TABLE tasks, activity, task_imports, idempotency_keys",
  );
  const [counts] = await pool().query<RowDataPacket[]>(
    `SELECT (SELECT COUNT(*) FROM tasks) AS tasks, (SELECT COUNT(*) FROM activity) AS activity,
     (SELECT COUNT(*) FROM task_imports) AS imports, (SELECT COUNT(*) FROM idempotency_keys) AS keys_`,
  );
  return JSON.stringify({ checksums: rows, counts: counts[0] });
}

export async function taskCount(): Promise<number> {
  const [rows] = await pool().query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM tasks");
  return Number(rows[0]!.n);
}
