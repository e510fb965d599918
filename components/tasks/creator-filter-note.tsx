import Link from "next/link";
import type { TaskDto } from "@/lib/validation/tasks";

/** Who a `created_by` in the address names, when one of the tasks it found says so. */
export function creatorName(
  tasks: readonly Pick<TaskDto, "creator">[],
  createdBy: string | undefined,
): string | undefined {
  return tasks.find((task) => String(task.creator.id) === createdBy)?.creator.full_name;
}

/**
 * A creator filter that came in the address (a shared link) where the form has no Manager field:
 * said in words, kept when other filters are applied, and removable on its own.
 */
export function CreatorFilterNote({
  createdBy,
  name,
  withoutIt,
}: {
  createdBy: string;
  name: string;
  /** The same view without the creator filter. */
  withoutIt: string;
}) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700 sm:col-span-2 lg:col-span-6">
      <input type="hidden" name="created_by" value={createdBy} />
      <span>
        Only tasks created by <strong className="font-semibold">{name}</strong>.
      </span>
      <Link href={withoutIt} className="font-medium text-brand-700 underline hover:text-brand-800">
        Show tasks by anyone
      </Link>
    </p>
  );
}
