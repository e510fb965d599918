import { MAX_ID } from "@/lib/validation/ids";
import { notFound } from "./errors";

/** A path id (/api/tasks/{id}/, /api/users/{id}/): a positive integer, else 404 as for any unknown resource. */
export function pathIdParam(raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw notFound();
  const id = Number(raw);
  if (id < 1 || id > MAX_ID) throw notFound();
  return id;
}
