"use client";

import { useEffect, useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { createTaskSchema } from "@/lib/validation/tasks";
import type { AssignableUser } from "./assignee-field";
import { dropTaskDraft, keepTaskDraft, readTaskDraft, type TaskDraftValues } from "./task-draft";

type FormInput = z.input<typeof createTaskSchema>;
type FormOutput = z.output<typeof createTaskSchema>;

function draftValues(values: FormInput): TaskDraftValues {
  return {
    title: values.title,
    description: values.description ?? "",
    status: values.status ?? "TODO",
    priority: values.priority ?? "MEDIUM",
    due_date: values.due_date ?? null,
    assigned_to: typeof values.assigned_to === "number" ? values.assigned_to : null,
  };
}

/**
 * The task form's draft (task-draft.ts): read once the page has shown the form (the server's page
 * had none), kept while the form differs from the task, and dropped when it no longer does, on
 * save, and on discard. `assignee` is the person the restored draft chose, for the assignee
 * field to name; `generation` changes whenever the form's values are replaced, for that field,
 * which holds its own text, to be drawn again.
 */
export function useTaskDraft(
  form: UseFormReturn<FormInput, unknown, FormOutput>,
  key: string,
  version: number,
) {
  const { control, reset, getValues, setFocus } = form;
  const { isDirty } = form.formState;
  const [state, setState] = useState<"unread" | "none" | "restored">("unread");
  const [assignee, setAssignee] = useState<AssignableUser | null>(null);
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    // Once the form is on screen: read in the render that hydrates it, a draft would differ from
    // the server's page. One frame later the user has had no time to type.
    const frame = requestAnimationFrame(() => {
      const kept = readTaskDraft(key, version);
      if (!kept) return setState("none");
      reset(kept.values, { keepDefaultValues: true });
      setAssignee(kept.assignee);
      setGeneration((n) => n + 1);
      setState("restored");
    });
    return () => cancelAnimationFrame(frame);
  }, [key, version, reset]);

  const values = useWatch({ control });
  useEffect(() => {
    if (state === "unread" || saved) return;
    if (!isDirty) return dropTaskDraft(key);
    const chosen = assignee?.id === values.assigned_to ? assignee : null;
    keepTaskDraft(key, { version, values: draftValues(getValues()), assignee: chosen });
  }, [key, version, values, isDirty, state, saved, assignee, getValues]);

  return {
    restored: state === "restored" && isDirty,
    assignee,
    generation,
    /** The assignee field resolved a person: kept with the draft, to be named when restored. */
    choosePerson: setAssignee,
    /** Saved: nothing of the form is kept any more (the page is about to show the new version). */
    markSaved() {
      setSaved(true);
      dropTaskDraft(key);
    },
    /** Dropped with the form's values, which go back to the task's own. */
    discard() {
      dropTaskDraft(key);
      reset();
      setAssignee(null);
      setGeneration((n) => n + 1);
      setState("none");
      // Once the note and its button are gone, else focus goes with them.
      requestAnimationFrame(() => setFocus("title"));
    },
    drop: () => dropTaskDraft(key),
  };
}
