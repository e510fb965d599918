"use client";

import { useEffect, useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { createTaskSchema } from "@/lib/validation/tasks";
import type { AssignableUser } from "./assignee-field";
import {
  DRAFT_FIELDS,
  dropTaskDraft,
  keepTaskDraft,
  overlaidValues,
  readTaskDraft,
  type TaskDraft,
  type TaskDraftValues,
} from "./task-draft";

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

function changedFields(values: TaskDraftValues, base: TaskDraftValues): TaskDraft["changed"] {
  return DRAFT_FIELDS.filter((field) => values[field] !== base[field]);
}

/**
 * The task form's draft (task-draft.ts): read once the page has shown the form (the server's page
 * had none), kept while the form differs from the task, and dropped when it no longer does, on
 * save, and on discard. A draft of an older version is `outdated`: offered until the user applies
 * it (its changed fields laid over this version) or discards it, or types anew. `assignee` is the
 * person the restored draft chose, for the assignee field to name; `generation` changes whenever
 * the form's values are replaced, for that field, which holds its own text, to be drawn again.
 * `dueDateUnfinished` asks the date input whether it holds a date typed only in part.
 */
export function useTaskDraft(
  form: UseFormReturn<FormInput, unknown, FormOutput>,
  key: string,
  version: number,
  dueDateUnfinished: () => boolean,
) {
  const { control, reset, getValues, setFocus } = form;
  const { isDirty, defaultValues } = form.formState;
  const [state, setState] = useState<"unread" | "none" | "restored" | "applied" | "outdated">(
    "unread",
  );
  const [outdated, setOutdated] = useState<TaskDraft | null>(null);
  const [assignee, setAssignee] = useState<AssignableUser | null>(null);
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [unfinishedDateLeft, setUnfinishedDateLeft] = useState(false);
  // Asked again for what the form's values do not show (a date typed only in part).
  const [rechecks, setRechecks] = useState(0);

  useEffect(() => {
    // Once the form is on screen: read in the render that hydrates it, a draft would differ from
    // the server's page. One frame later the user has had no time to type.
    const frame = requestAnimationFrame(() => {
      const kept = readTaskDraft(key, version);
      if (!kept) return setState("none");
      if (kept.outdated) {
        setOutdated(kept.draft);
        return setState("outdated");
      }
      reset(kept.draft.values, { keepDefaultValues: true });
      setUnfinishedDateLeft(kept.draft.due_date_unfinished === true);
      setAssignee(kept.draft.assignee);
      setGeneration((n) => n + 1);
      setState("restored");
    });
    return () => cancelAnimationFrame(frame);
  }, [key, version, reset]);

  const values = useWatch({ control });
  const offering = state === "outdated" && !isDirty;
  useEffect(() => {
    // An outdated draft stays kept while it is offered; typing anew replaces it.
    if (state === "unread" || saved || offering) return;
    if (!isDirty) return dropTaskDraft(key);
    const base = draftValues(defaultValues as FormInput);
    const unfinished = dueDateUnfinished();
    const typed = { ...draftValues(getValues()), ...(unfinished && { due_date: base.due_date }) };
    const chosen = assignee?.id === values.assigned_to ? assignee : null;
    keepTaskDraft(key, {
      version,
      changed: changedFields(typed, base),
      values: typed,
      assignee: chosen,
      ...(unfinished && { due_date_unfinished: true }),
    });
  }, [
    key,
    version,
    values,
    rechecks,
    isDirty,
    state,
    saved,
    offering,
    assignee,
    getValues,
    defaultValues,
    dueDateUnfinished,
  ]);

  return {
    restored: (state === "restored" || state === "applied") && isDirty,
    /** The restored changes were laid over a version saved after them. */
    overNewer: state === "applied",
    /** The restored draft had a due date typed in part, which came back as the task's own. */
    unfinishedDateLeft,
    /** The due date was typed in again: the note about the unfinished one has done its work. */
    dueDateEdited: () => setUnfinishedDateLeft(false),
    /** Keeps the draft again: the date input's state changed with no change of value. */
    recheck: () => setRechecks((n) => n + 1),
    /** The fields an outdated draft changed, while it is offered. */
    outdatedChanges: offering && outdated ? outdated.changed : null,
    /** The outdated draft's changes laid over this version's values, to check and save. */
    applyOutdated() {
      if (!outdated) return;
      reset(overlaidValues(draftValues(getValues()), outdated), { keepDefaultValues: true });
      if (outdated.changed.includes("assigned_to")) setAssignee(outdated.assignee);
      setGeneration((n) => n + 1);
      setState("applied");
      const [first = "title"] = outdated.changed;
      // Once the offer and its buttons are gone, on the first field it changed.
      requestAnimationFrame(() => setFocus(first));
    },
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
      setOutdated(null);
      setUnfinishedDateLeft(false);
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
