"use client";

import { callAction } from "@/lib/client/call-action";
import { useSettledChoice } from "@/lib/client/use-settled-choice";
import { useValueSetBeforeHydration } from "@/lib/client/use-value-set-before-hydration";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { TASK_STATUSES, type TaskStatus } from "@/lib/domain/enums";
import { changeTaskStatusAction } from "@/lib/actions/task-status";
import { STATUS_LABELS, TASK_GONE, taskChangedMeanwhile, toastTitle } from "./labels";

type Props = { taskId: number; taskTitle: string; status: TaskStatus; version: number };

/**
 * The one control an employee has: the new status shows at once, is saved once the choice has
 * settled (or focus leaves), and rolls back, with the server's reason, if the change is refused.
 * The same element stays mounted across changes, so keyboard focus stays on it.
 */
export function StatusSelect({ taskId, taskTitle, status, version }: Props) {
  const id = useId();
  const router = useRouter();
  const [current, setCurrent] = useState(status);
  const [renderedVersion, setRenderedVersion] = useState(version);
  const [pending, startTransition] = useTransition();
  // What the server holds as far as this control knows: saves go one after another, each with
  // the version the previous one produced, and a choice equal to it needs no save.
  const saved = useRef({ status, version });
  const [lastSavedVersion, setLastSavedVersion] = useState(version);
  const saving = useRef<Promise<void>>(Promise.resolve());
  // Leaving the page within the settle time still saves the choice.
  const settled = useSettledChoice("run");

  // A version newer than any this control saved (someone else's change, after a refresh)
  // replaces what is shown.
  if (version !== renderedVersion) {
    setRenderedVersion(version);
    if (version > lastSavedVersion) setCurrent(status);
  }
  useEffect(() => {
    if (version > saved.current.version) saved.current = { status, version };
  }, [status, version]);

  function save(next: TaskStatus) {
    const run = async () => {
      if (next === saved.current.status) return;
      const result = await callAction(() =>
        changeTaskStatusAction(taskId, next, saved.current.version),
      );
      if (result.ok) {
        saved.current = { status: next, version: result.data.version };
        setLastSavedVersion(result.data.version);
        toast.success(`“${toastTitle(taskTitle)}” is now ${STATUS_LABELS[next].toLowerCase()}.`);
        router.refresh();
        return;
      }
      if (!settled.isSettling()) setCurrent(saved.current.status);
      toast.error(
        result.status === 404
          ? TASK_GONE
          : result.status === 412
            ? taskChangedMeanwhile(taskTitle, "the page")
            : result.message,
      );
      // Someone else's change (412) or the task gone (404): the page shows how things are now.
      if (result.status === 412 || result.status === 404) router.refresh();
    };
    saving.current = saving.current.then(run);
    const thisSave = saving.current;
    startTransition(() => thisSave);
  }

  function choose(next: TaskStatus) {
    setCurrent(next);
    settled.choose(() => save(next));
  }
  // Or the control would show a status that is never saved.
  const control = useRef<HTMLSelectElement>(null);
  useValueSetBeforeHydration(control, current, (chosen) => {
    const status = TASK_STATUSES.find((value) => value === chosen);
    if (status) choose(status);
  });

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Status<span className="sr-only"> of {taskTitle}</span>
      </label>
      <select
        id={id}
        ref={control}
        value={current}
        // A value the browser restores on reload or Back would be taken for a choice and saved
        // over someone else's change; only what the person picks is adopted.
        autoComplete="off"
        aria-busy={pending}
        onChange={(event) => choose(event.target.value as TaskStatus)}
        onBlur={settled.settleNow}
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
