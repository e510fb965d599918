"use client";

import { callAction } from "@/lib/client/call-action";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { TASK_STATUSES, type TaskStatus } from "@/db/schema";
import { changeTaskStatusAction } from "@/lib/actions/task-status";
import { STATUS_LABELS, TASK_GONE } from "./labels";

type Props = { taskId: number; taskTitle: string; status: TaskStatus; version: number };

/**
 * The one control an employee has: the new status shows at once and rolls back,
 * with the server's reason, if the change is refused. The same element stays mounted across
 * changes, so keyboard focus stays on it (ArrowDown twice moves two steps).
 */
export function StatusSelect({ taskId, taskTitle, status, version }: Props) {
  const id = useId();
  const router = useRouter();
  const [current, setCurrent] = useState(status);
  const [renderedVersion, setRenderedVersion] = useState(version);
  const [pending, startTransition] = useTransition();
  // Changes are saved one after another, each with the version the previous one produced: a
  // second ArrowDown before the first answer is not "someone else's" change.
  const savedVersion = useRef(version);
  const [lastSaved, setLastSaved] = useState(version);
  const saving = useRef<Promise<void>>(Promise.resolve());

  // A version newer than any this control saved (someone else's change, after a refresh)
  // replaces what is shown.
  if (version !== renderedVersion) {
    setRenderedVersion(version);
    if (version > lastSaved) setCurrent(status);
  }

  function change(next: TaskStatus) {
    const previous = current;
    setCurrent(next);
    const save = async () => {
      const expected = Math.max(savedVersion.current, version);
      const result = await callAction(() => changeTaskStatusAction(taskId, next, expected));
      if (result.ok) {
        savedVersion.current = result.data.version;
        setLastSaved(result.data.version);
        toast.success(`“${taskTitle}” is now ${STATUS_LABELS[next].toLowerCase()}.`);
        router.refresh();
        return;
      }
      setCurrent(previous);
      toast.error(result.status === 404 ? TASK_GONE : result.message);
      // Someone else's change (412) or the task gone (404): the page shows how things are now.
      if (result.status === 412 || result.status === 404) router.refresh();
    };
    saving.current = saving.current.then(save);
    const thisSave = saving.current;
    startTransition(() => thisSave);
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Status<span className="sr-only"> of {taskTitle}</span>
      </label>
      <select
        id={id}
        value={current}
        aria-busy={pending}
        onChange={(event) => change(event.target.value as TaskStatus)}
        className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
      >
        {TASK_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
