"use client";

import { callAction, formRefusalMessage } from "@/lib/client/call-action";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { PRIORITY_LABELS, STATUS_LABELS, TASK_GONE, toastTitle } from "@/components/tasks/labels";
import {
  buttonPrimary,
  buttonSecondary,
  inputClass,
  labelClass,
} from "@/components/ui/button-styles";
import { createTaskAction, updateTaskAction } from "@/lib/actions/task-form";
import {
  createTaskSchema,
  DESCRIPTION_MAX,
  EARLIEST_DATE,
  LATEST_DUE_DATE,
  TITLE_MAX,
  type TaskDto,
} from "@/lib/validation/tasks";
import { AssigneeField, type AssignableUser } from "./assignee-field";
import { CharacterCount } from "@/components/ui/character-count";
import { FieldError } from "@/components/ui/field-error";
import { PendingButton } from "@/components/ui/pending-button";
import { withSessionStorage } from "@/lib/client/session-storage";
import { DRAFT_FIELDS } from "./task-draft";
import { useTaskDraft } from "./use-task-draft";

type FormInput = z.input<typeof createTaskSchema>;
type FormOutput = z.output<typeof createTaskSchema>;
type FieldName = keyof FormOutput;
/** The form's fields: every one a draft keeps. */
const FIELDS: readonly FieldName[] = DRAFT_FIELDS;

/** The form's labels, for naming fields in a sentence. */
const FIELD_LABELS: Record<FieldName, string> = {
  title: "Title",
  description: "Description",
  status: "Status",
  priority: "Priority",
  due_date: "Due date",
  assigned_to: "Assignee",
};

/** ["title", "status"] → "Title and Status". */
function fieldList(fields: readonly FieldName[]): string {
  return new Intl.ListFormat("en", { type: "conjunction" }).format(
    fields.map((field) => FIELD_LABELS[field]),
  );
}

/** The fields that show an error of their own (status and priority are choices from a list). */
const FIELDS_WITH_ERRORS = ["title", "description", "due_date", "assigned_to"];
/** A 412: the API's "reload it" would contradict the choice the form then offers. */
const ASSIGNEE_REFUSED =
  "This person can no longer be given tasks (deactivated, or their role changed): choose someone else.";
const CHANGED_MEANWHILE =
  "Someone else saved this task while you were editing it, so your changes were not saved.";

/**
 * `today`: the company's calendar day (companyToday), which decides what is overdue. `draftKey`:
 * where what is typed and not saved is kept (taskDraftKey).
 */
type Props = { users: AssignableUser[]; task?: TaskDto; today: string; draftKey: string };

/**
 * The page mounts a new form for each version of the task (its key), which would leave keyboard
 * focus on the page itself: the form noted here takes it back, on its Save button after a save,
 * on the title after "Load the saved version".
 */
const REFOCUS_KEY = "etums:task-form-refocus";
type Refocus = { taskId: number; on: "save" | "title" };

function refocusAfterRemount(refocus: Refocus): void {
  withSessionStorage((s) => s.setItem(REFOCUS_KEY, JSON.stringify(refocus)));
}

const DUE_DATE_ID = "task-due-date";
const INCOMPLETE_DATE = "Enter a whole date that exists, or clear the field for no due date.";
const UNFINISHED_DATE_LEFT =
  "The due date you were typing was unfinished when you left, so it was not kept: enter it again if you meant to change it.";

/** Create (no task) or edit (a task): the API's own zod schema checks the fields in the browser. */
export function TaskForm({ users, task, today, draftKey }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const formErrorBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) formErrorBox.current?.scrollIntoView({ block: "nearest" });
  }, [formError]);
  const saveButton = useRef<HTMLButtonElement>(null);

  const [stale, setStale] = useState(false);
  const [assigneeUnresolved, setAssigneeUnresolved] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createTaskSchema),
    defaultValues: {
      title: task?.title ?? "",
      description: task?.description ?? "",
      status: task?.status ?? "TODO",
      priority: task?.priority ?? "MEDIUM",
      due_date: task?.due_date ?? null,
      assigned_to: task?.assigned_to ?? null,
    },
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isDirty },
  } = form;

  useEffect(() => {
    const noted = withSessionStorage((s) => s.getItem(REFOCUS_KEY));
    if (!task || !noted) return;
    const refocus = JSON.parse(noted) as Refocus;
    if (refocus.taskId !== task.id) return;
    withSessionStorage((s) => s.removeItem(REFOCUS_KEY));
    if (refocus.on === "save") saveButton.current?.focus();
    else setFocus("title");
  }, [task, setFocus]);

  // A saved form waits for the page to show what was saved (the task's new version, or the new
  // task's page): until then a second press would send the old version (412) or a second task,
  // and what was typed would go with the form's remount, so the texts are read-only meanwhile.
  const [navigating, startNavigation] = useTransition();
  const busy = isSubmitting || navigating;

  // A date typed in part, or one that does not exist (30 February), reaches the form as empty: the
  // input's own validity tells it from a cleared field, lest it be saved or kept as no due date.
  const dueDateUnfinished = useCallback(() => {
    const input = document.getElementById(DUE_DATE_ID);
    return input instanceof HTMLInputElement && input.validity.badInput;
  }, []);

  // Typed and not saved: kept while the user is elsewhere in the app, and brought back here.
  const draft = useTaskDraft(form, draftKey, task?.version ?? 0, dueDateUnfinished);
  const dueDateField = register("due_date", {
    setValueAs: (value) => (value ? value : null),
    onChange: draft.dueDateEdited,
  });

  // The assignee field reports on what is typed, not on a remount: a discard must clear its flag.
  function discard() {
    setAssigneeUnresolved(false);
    draft.discard();
  }

  // Typed and not saved: closing or reloading the tab asks first (the browser's own question).
  useEffect(() => {
    if (!isDirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [isDirty]);

  // Allowed (a task may be recorded late), but said: a past day makes it overdue at once.
  const [dueDate, status, title, description] = useWatch({
    control,
    name: ["due_date", "status", "title", "description"],
  });
  const overdueOnSave = Boolean(dueDate) && dueDate! < today && status !== "DONE";
  const dueDateHint = draft.unfinishedDateLeft
    ? UNFINISHED_DATE_LEFT
    : overdueOnSave
      ? "That day has passed: the task will show as overdue."
      : null;

  async function submit(values: FormOutput) {
    setFormError(null);
    setStale(false);
    if (dueDateUnfinished()) {
      setError("due_date", { message: INCOMPLETE_DATE }, { shouldFocus: true });
      return;
    }
    if (assigneeUnresolved) {
      setError(
        "assigned_to",
        { message: "Choose a person from the list, or leave it empty." },
        { shouldFocus: true },
      );
      return;
    }
    const result = await callAction<{ id: number; title: string }>(() =>
      task ? updateTaskAction(task.id, values, task.version) : createTaskAction(values),
    );
    if (result.ok) {
      draft.markSaved();
      toast.success(task ? "Task saved." : `Task “${toastTitle(result.data.title)}” created.`);
      // The new task's page keeps the keyboard where it was: on the form's button.
      refocusAfterRemount({ taskId: task?.id ?? result.data.id, on: "save" });
      startNavigation(() => {
        if (task) router.refresh();
        else router.push(`/tasks/${result.data.id}`);
      });
      return;
    }
    const refused = result.fieldErrors.filter(({ field }) => FIELDS.includes(field as FieldName));
    refused.forEach(({ field, message }, index) =>
      setError(
        field as FieldName,
        // The server names the person by id; the field above already shows whom they chose.
        { message: field === "assigned_to" ? ASSIGNEE_REFUSED : message },
        { shouldFocus: index === 0 },
      ),
    );
    // Shown and announced once, in the form (no toast on top of it), and scrolled to.
    setFormError(
      result.status === 404
        ? TASK_GONE
        : result.status === 412
          ? CHANGED_MEANWHILE
          : formRefusalMessage(result, FIELDS_WITH_ERRORS),
    );
    // Someone saved the task meanwhile: the edits stay on screen until the user chooses to load
    // that version (the page remounts this form with it) instead of vanishing with a refresh.
    setStale(result.status === 412);
  }

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="grid max-w-2xl gap-4">
      {/* In the page from the start, so that screen readers announce what fills it. */}
      <div role="status">
        {draft.restored ? (
          <p className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
            {draft.overNewer
              ? "Your unsaved changes are back, over the version saved since: check them before saving. "
              : "Your unsaved changes are back, as you left them. "}
            <button type="button" className="font-medium underline" onClick={discard}>
              Discard them
            </button>
          </p>
        ) : null}
        {/* Nothing else came back: without this, only the date field itself would say so. */}
        {draft.unfinishedDateLeft && !draft.restored ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {UNFINISHED_DATE_LEFT}
          </p>
        ) : null}
        {draft.outdatedChanges ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            You left unsaved changes to {fieldList(draft.outdatedChanges)}, and this task has been
            saved since: the form shows the saved version.{" "}
            <button type="button" className="font-medium underline" onClick={draft.applyOutdated}>
              Apply my changes
            </button>{" "}
            or{" "}
            <button type="button" className="font-medium underline" onClick={discard}>
              discard them
            </button>
            .
          </p>
        ) : null}
      </div>
      {formError ? (
        <div
          ref={formErrorBox}
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {formError}
          {stale ? (
            <p className="mt-2">
              Your changes are still below.{" "}
              <button
                type="button"
                className="font-medium underline"
                onClick={() => {
                  draft.drop();
                  refocusAfterRemount({ taskId: task!.id, on: "title" });
                  router.refresh();
                }}
              >
                Load the saved version
              </button>{" "}
              (your changes are discarded), or copy what you need first.
            </p>
          ) : null}
        </div>
      ) : null}
      <div>
        <label htmlFor="task-title" className={labelClass}>
          Title
        </label>
        <input
          id="task-title"
          {...register("title")}
          readOnly={busy}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby="task-title-error task-title-count"
          className={inputClass}
        />
        <CharacterCount id="task-title-count" value={(title ?? "").trim()} max={TITLE_MAX} />
        <FieldError id="task-title-error" message={errors.title?.message} />
      </div>
      <div>
        <label htmlFor="task-description" className={labelClass}>
          Description
        </label>
        <textarea
          id="task-description"
          rows={5}
          {...register("description")}
          readOnly={busy}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby="task-description-error task-description-count"
          className={inputClass}
        />
        <CharacterCount
          id="task-description-count"
          value={description ?? ""}
          max={DESCRIPTION_MAX}
        />
        <FieldError id="task-description-error" message={errors.description?.message} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="task-status" className={labelClass}>
            Status
          </label>
          <select id="task-status" {...register("status")} className={inputClass}>
            {TASK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="task-priority" className={labelClass}>
            Priority
          </label>
          <select id="task-priority" {...register("priority")} className={inputClass}>
            {TASK_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {PRIORITY_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={DUE_DATE_ID} className={labelClass}>
            Due date
          </label>
          <input
            id={DUE_DATE_ID}
            type="date"
            min={EARLIEST_DATE}
            max={LATEST_DUE_DATE}
            {...dueDateField}
            // Typed in part, the value stays "" and no change is reported: the draft asks again.
            onInput={draft.recheck}
            onBlur={(event) => {
              draft.recheck();
              return dueDateField.onBlur(event);
            }}
            readOnly={busy}
            aria-invalid={errors.due_date ? true : undefined}
            aria-describedby={`task-due-date-error${dueDateHint ? " task-due-date-hint" : ""}`}
            className={inputClass}
          />
          {dueDateHint ? (
            <p id="task-due-date-hint" className="mt-1 text-xs text-amber-800">
              {dueDateHint}
            </p>
          ) : null}
          <FieldError id="task-due-date-error" message={errors.due_date?.message} />
        </div>
      </div>
      <Controller
        control={control}
        name="assigned_to"
        render={({ field, fieldState }) => (
          <AssigneeField
            key={draft.generation}
            users={users}
            current={draft.assignee ?? task?.assignee ?? null}
            value={typeof field.value === "number" ? field.value : null}
            error={fieldState.error?.message}
            focusRef={field.ref}
            onChange={(id, resolved, person) => {
              setAssigneeUnresolved(!resolved);
              draft.choosePerson(person);
              field.onChange(id);
            }}
          />
        )}
      />
      <div className="flex flex-wrap gap-3">
        <PendingButton ref={saveButton} type="submit" pending={busy} className={buttonPrimary}>
          {busy ? "Saving…" : task ? "Save changes" : "Create task"}
        </PendingButton>
        {/* After a refusal for a newer version, "Load the saved version" above is the way back. */}
        {isDirty && !busy && !stale ? (
          <button
            type="button"
            className={buttonSecondary}
            onClick={() => {
              setFormError(null);
              discard();
            }}
          >
            Discard changes
          </button>
        ) : null}
      </div>
    </form>
  );
}
