import { idFromText } from "@/lib/validation/id-text";
import { notFound } from "./errors";

/** A path id (/api/tasks/{id}/, /api/users/{id}/): a positive integer, else 404 as for any unknown resource. */
export function pathIdParam(raw: string): number {
  const id = idFromText(raw);
  if (id === null) throw notFound();
  return id;
}
