"use client";

import Link from "next/link";
import { taskReturnFor, type TaskReturn } from "@/lib/client/task-return";
import { useHydrated } from "@/lib/client/use-hydrated";

/**
 * Leads from a task's page back to the list it was opened from, with that list's filters and page;
 * the caller's own list (`fallback`) when it was reached some other way. `openPaths`: the pages the
 * caller may see.
 */
export function BackToListLink({
  taskId,
  openPaths,
  fallback,
}: {
  taskId: number;
  openPaths: readonly string[];
  fallback: Pick<TaskReturn, "href" | "label">;
}) {
  // The server cannot know the list (it is noted in this tab): the fallback until the page's script runs.
  const hydrated = useHydrated();
  const target = (hydrated && taskReturnFor(taskId, openPaths)) || fallback;
  return (
    <p className="mb-3 text-sm">
      <Link href={target.href} className="text-brand-700 underline">
        <span aria-hidden="true">← </span>
        {target.label}
      </Link>
    </p>
  );
}
