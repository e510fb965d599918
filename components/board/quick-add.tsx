"use client";

import { callAction } from "@/lib/client/call-action";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import type { TaskStatus } from "@/lib/domain/enums";
import { STATUS_LABELS, toastTitle } from "@/components/tasks/labels";
import { buttonPrimary, buttonSecondary, inputClass } from "@/components/ui/button-styles";
import { createTaskAction } from "@/lib/actions/task-form";
import type { BoardTask, NewTaskDefaults } from "./board-types";
import { toBoardTask } from "./board-types";
import { PendingButton } from "@/components/ui/pending-button";
import { useHydrated } from "@/lib/client/use-hydrated";

/**
 * Adds a task with just a title straight into a column; details can follow on its page. The
 * button is disabled until the page's script runs, as it cannot open the form before.
 */
export function QuickAdd({
  status,
  onCreated,
  defaults,
}: {
  status: TaskStatus;
  onCreated: (task: BoardTask) => void;
  /** What the board's filters give a new task, so that it stays in view. */
  defaults?: NewTaskDefaults;
}) {
  const id = useId();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Once the form closes, focus returns to the button that opened it.
  const [closed, setClosed] = useState(false);
  const [pending, startTransition] = useTransition();
  // Cancelled or done, the next Add task starts blank: no title or error from the last one.
  const close = () => {
    setOpen(false);
    setClosed(true);
    setTitle("");
    setError(null);
  };
  const describedBy = [error ? `${id}-error` : "", defaults ? `${id}-defaults` : ""]
    .join(" ")
    .trim();

  if (!open) {
    return (
      <button
        type="button"
        autoFocus={closed}
        disabled={!hydrated}
        className={`${buttonSecondary} w-full`}
        onClick={() => setOpen(true)}
      >
        + Add task<span className="sr-only"> to {STATUS_LABELS[status]}</span>
      </button>
    );
  }
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await callAction(() =>
            createTaskAction({
              title,
              status,
              assigned_to: defaults?.assigned_to,
              priority: defaults?.priority,
            }),
          );
          if (!result.ok) {
            setError(
              result.fieldErrors.find((e) => e.field === "title")?.message ?? result.message,
            );
            return;
          }
          onCreated(toBoardTask(result.data));
          toast.success(`Task “${toastTitle(result.data.title)}” added.`);
          close();
        });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") close();
      }}
    >
      <label htmlFor={id} className="sr-only">
        Title of the new task in {STATUS_LABELS[status]}
      </label>
      <input
        id={id}
        autoFocus
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        placeholder="Task title"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClass}
      />
      {defaults ? (
        <p id={`${id}-defaults`} className="text-xs text-slate-600">
          {defaults.note}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <PendingButton type="submit" pending={pending} className={buttonPrimary}>
          Add
        </PendingButton>
        <button type="button" className={buttonSecondary} onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
