import { Timestamp } from "@/components/ui/timestamp";

type SameFile = { import_id: number; imported_at: string; created: number };

function sameFileOf(body: Record<string, unknown>): SameFile | null {
  const value = body.same_file_imported;
  if (typeof value !== "object" || value === null) return null;
  const { import_id, imported_at, created } = value as Record<string, unknown>;
  return typeof import_id === "number" &&
    typeof imported_at === "string" &&
    typeof created === "number"
    ? { import_id, imported_at, created }
    : null;
}

/** A dry run found that the user already imported these very bytes: importing again doubles them. */
export function SameFileWarning({ body }: { body: Record<string, unknown> }) {
  const same = sameFileOf(body);
  if (!same) return null;
  return (
    <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      You already imported this same file on <Timestamp iso={same.imported_at} /> ({same.created}{" "}
      task{same.created === 1 ? "" : "s"}). Importing it again creates{" "}
      {same.created === 1 ? "that task" : "those tasks"} a second time.
    </p>
  );
}
