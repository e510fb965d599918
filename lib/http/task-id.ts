import { notFound } from "./errors";

/** A path id: a positive integer, else 404 as for any unknown resource. */
export function taskIdParam(raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw notFound();
  const id = Number(raw);
  if (id < 1 || id > 2_147_483_647) throw notFound();
  return id;
}
