import Link from "next/link";
import type { ImportedTask } from "@/lib/services/imported-tasks";

/** What the import did, with a way to each new task. */
export function ImportSummary({
  created,
  tasks,
  message,
}: {
  created: number;
  tasks: ImportedTask[];
  message: string;
}) {
  return (
    <section
      role="status"
      aria-labelledby="summary-heading"
      className="rounded-lg border border-green-300 bg-green-50 p-4"
    >
      <h2 id="summary-heading" tabIndex={-1} className="font-semibold text-green-900">
        Imported {created} task{created === 1 ? "" : "s"}.
      </h2>
      {message ? <p className="text-sm text-green-900">{message}</p> : null}
      {tasks.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-sm">
          {tasks.map((task) => (
            <li key={task.id}>
              <Link href={`/tasks/${task.id}`} className="underline">
                {task.title}
              </Link>
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
