import Link from "next/link";
import { TaskLink } from "@/components/tasks/task-link";
import type { ImportedTask } from "@/lib/services/imported-tasks";

/** What the import did, with a way to each new task (the first of them, for a large import). */
export function ImportSummary({ created, tasks }: { created: number; tasks: ImportedTask[] }) {
  return (
    <section
      role="status"
      aria-labelledby="summary-heading"
      className="rounded-lg border border-green-300 bg-green-50 p-4"
    >
      <h2 id="summary-heading" tabIndex={-1} className="font-semibold text-green-900">
        Imported {created} task{created === 1 ? "" : "s"}.
      </h2>
      {tasks.length > 0 && tasks.length < created ? (
        <p className="mt-1 text-sm text-green-900">The first {tasks.length} of them:</p>
      ) : null}
      {tasks.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-sm break-words">
          {tasks.map((task) => (
            <li key={task.id}>
              <TaskLink id={task.id} className="underline">
                {task.title}
              </TaskLink>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3 text-sm">
        <Link
          href={`/tasks?ordering=-created_at&page_size=${Math.min(Math.max(created, 1), 100)}`}
          className="font-medium underline"
        >
          See the newest tasks in the table
        </Link>
      </p>
    </section>
  );
}
