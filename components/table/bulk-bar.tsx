"use client";

import { callAction } from "@/lib/client/call-action";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { TASK_PRIORITIES, TASK_STATUSES, type Role } from "@/lib/domain/enums";
import {
  BULK_ACTION_POLICY,
  canOnTask,
  type BulkActionKind,
  type TaskOwnership,
} from "@/lib/auth/policy";
import {
  PRIORITY_LABELS,
  SELECTED_TASK_GONE,
  STATUS_LABELS,
  toastTitle,
} from "@/components/tasks/labels";
import { AssigneeField, type AssignableUser } from "@/components/task-form/assignee-field";
import { buttonDanger, buttonPrimary, inputClass, labelClass } from "@/components/ui/button-styles";
import { bulkTaskAction, matchingTasksAction } from "@/lib/actions/task-bulk";
import { someTitles } from "@/lib/text/some-titles";
import { InlineConfirm } from "@/components/ui/inline-confirm";
import { PendingButton } from "@/components/ui/pending-button";
import { SelectionScope, type MatchingTasks } from "./selection-scope";

type Kind = BulkActionKind;
const KIND_LABELS: Record<Kind, string> = {
  status: "Change status",
  reassign: "Reassign",
  priority: "Change priority",
  delete: "Delete",
};
/** What the policy is told of a selected task, and its title to name it by. */
export type SelectedTask = TaskOwnership & { id: number; title: string; version: number };
type SeenVersion = { id: number; version: number };

/** What each action does to a task, for "not yours to …". */
const KIND_VERBS: Record<Kind, string> = {
  status: "change the status of",
  reassign: "reassign",
  priority: "change the priority of",
  delete: "delete",
};

/** Who a reassignment goes to, as the picker reads it: null is nobody. */
type Assignee = { id: number | null; resolved: boolean };

/** `seen`: the versions of the rows the table showed, so that none changed since is overwritten. */
function payload(
  kind: Kind,
  ids: number[],
  seen: SeenVersion[],
  value: string,
  assignee: Assignee,
) {
  switch (kind) {
    case "status":
      return { action: kind, ids, seen, status: value };
    case "priority":
      return { action: kind, ids, seen, priority: value };
    case "reassign":
      return { action: kind, ids, seen, assigned_to: assignee.id };
    case "delete":
      return { action: kind, ids, seen };
  }
}

const defaultValue = (kind: Kind) =>
  kind === "status" ? "TODO" : kind === "priority" ? "MEDIUM" : "";

/**
 * Actions over the selected rows, or over every task the filters find once the whole page is
 * selected (at most MAX_BULK_TASKS); the server applies them in one transaction, all or nothing.
 */
export function BulkBar({
  selected,
  actor,
  matching,
  users,
  onDone,
  onLeaveOut,
}: {
  selected: SelectedTask[];
  actor: { id: number; role: Role };
  /** Given while every row of a list longer than its page is selected. */
  matching: MatchingTasks | null;
  users: AssignableUser[];
  onDone: () => void;
  /** Unselects these tasks. */
  onLeaveOut: (ids: number[]) => void;
}) {
  const ids = selected.map((task) => task.id);
  const router = useRouter();
  // "All matching": the ids the filters found when the user chose them, the set then counted,
  // confirmed and changed. Unticking a row ends it for good: ticking the page offers it again.
  const [matchingSeen, setMatchingSeen] = useState<SeenVersion[] | null>(null);
  const [findingMatches, startFindingMatches] = useTransition();
  if (matchingSeen !== null && matching === null) setMatchingSeen(null);
  const everyMatch = matchingSeen !== null && matching !== null;
  const chosen = everyMatch ? matchingSeen.length : ids.length;
  const [kind, setKind] = useState<Kind>("status");
  const [value, setValue] = useState("TODO");
  const [assignee, setAssignee] = useState<Assignee>({ id: null, resolved: true });
  const [assigneeError, setAssigneeError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  // Deleting, and unassigning (an empty picker), are asked again: neither is easily undone.
  const needsConfirmation =
    kind === "delete" || (kind === "reassign" && assignee.resolved && assignee.id === null);
  // Cancelling the confirmation gives focus back to the button that asked for it.
  const actionButton = useRef<HTMLButtonElement>(null);
  const cancelConfirmation = () => {
    setConfirming(false);
    requestAnimationFrame(() => actionButton.current?.focus());
  };

  // The tasks the action would be refused for (all or nothing), said before it is tried. Of "all
  // matching" only the server knows the tasks: it names the first it refuses.
  const refused = everyMatch
    ? []
    : selected.filter((task) => !canOnTask(actor, BULK_ACTION_POLICY[kind], task));

  function chooseScope(all: boolean) {
    setConfirming(false);
    if (!all || matching === null) {
      setMatchingSeen(null);
      return;
    }
    startFindingMatches(async () => {
      const result = await callAction(() => matchingTasksAction(matching.query));
      if (!result.ok) {
        toast.error(result.fieldErrors[0]?.message ?? result.message);
      } else if (result.data.length === 0) {
        // Every one went meanwhile: the refresh shows what is left, and takes this bar away.
        toast.error("None of these tasks match any more.");
        onDone();
        router.refresh();
      } else {
        setMatchingSeen(result.data);
      }
    });
  }

  function run() {
    if (kind === "reassign" && !assignee.resolved) {
      setAssigneeError("Choose a person from the list, or leave it empty for nobody.");
      return;
    }
    startTransition(async () => {
      const result = await callAction(() =>
        bulkTaskAction(
          payload(
            kind,
            everyMatch ? matchingSeen.map(({ id }) => id) : ids,
            everyMatch ? matchingSeen : selected.map(({ id, version }) => ({ id, version })),
            value,
            assignee,
          ),
        ),
      );
      setConfirming(false);
      if (result.ok === false && result.status === 404) {
        // A selected task went meanwhile: the refresh takes its row away, and with it this bar.
        toast.error(SELECTED_TASK_GONE);
        onDone();
        router.refresh();
        return;
      }
      if (result.ok === false && result.status === 412) {
        // Someone changed a selected task: nothing was done; the refresh shows them as they are.
        toast.error(result.message);
        onDone();
        router.refresh();
        return;
      }
      if (!result.ok) {
        toast.error(result.fieldErrors[0]?.message ?? result.message);
        requestAnimationFrame(() => actionButton.current?.focus());
        return;
      }
      const { changed, matched } = result.data;
      toast.success(
        kind === "delete"
          ? `${changed} task${changed === 1 ? "" : "s"} deleted.`
          : `${changed} of ${matched} selected task${matched === 1 ? "" : "s"} changed.`,
      );
      onDone();
      router.refresh();
    });
  }

  return (
    <section
      aria-label="Bulk actions"
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-brand-500 bg-brand-50 p-3"
    >
      <div className="w-full text-sm" aria-live="polite">
        <p className="font-medium">
          {everyMatch ? `All ${chosen} matching tasks selected` : `${chosen} selected`}
        </p>
        {matching ? (
          <SelectionScope
            everyMatch={everyMatch}
            onPage={ids.length}
            matching={matching}
            pending={findingMatches}
            onChange={chooseScope}
          />
        ) : null}
      </div>
      <div>
        <label htmlFor="bulk-kind" className={labelClass}>
          Action
        </label>
        <select
          id="bulk-kind"
          value={kind}
          onChange={(event) => {
            const next = event.target.value as Kind;
            setKind(next);
            setValue(defaultValue(next));
            // The picker starts empty each time it is shown.
            setAssignee({ id: null, resolved: true });
            setAssigneeError(undefined);
            setConfirming(false);
          }}
          className={inputClass}
        >
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {kind === "status" || kind === "priority" ? (
        <div>
          <label htmlFor="bulk-value" className={labelClass}>
            {kind === "status" ? "New status" : "New priority"}
          </label>
          <select
            id="bulk-value"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className={inputClass}
          >
            {kind === "status" &&
              TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            {kind === "priority" &&
              TASK_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      {kind === "reassign" ? (
        <div className="min-w-64">
          <AssigneeField
            label="Assign to"
            users={users}
            value={assignee.id}
            error={assigneeError}
            onChange={(id, resolved) => {
              setAssignee({ id, resolved });
              setAssigneeError(undefined);
              setConfirming(false);
            }}
          />
        </div>
      ) : null}
      {refused.length > 0 ? (
        <p role="status" className="w-full text-sm text-amber-900">
          {refused.length === 1 ? "One" : refused.length} of the selected tasks{" "}
          {refused.length === 1 ? "is" : "are"} not yours to {KIND_VERBS[kind]}:{" "}
          {someTitles(refused.map((task) => toastTitle(task.title)))}.{" "}
          <button
            type="button"
            className="font-medium underline"
            onClick={() => onLeaveOut(refused.map((task) => task.id))}
          >
            Leave {refused.length === 1 ? "it" : "them"} out
          </button>
        </p>
      ) : null}
      {needsConfirmation && confirming ? (
        <InlineConfirm
          label={kind === "delete" ? "Confirm deletion" : "Confirm unassigning"}
          question={`${kind === "delete" ? "Delete" : "Leave"} ${chosen} task${chosen === 1 ? "" : "s"} ${kind === "delete" ? "for good?" : "with nobody assigned?"}`}
          confirmLabel={kind === "delete" ? "Yes, delete" : "Yes, unassign"}
          pending={pending}
          onConfirm={run}
          onCancel={cancelConfirmation}
        />
      ) : (
        <PendingButton
          ref={actionButton}
          type="button"
          className={kind === "delete" ? buttonDanger : buttonPrimary}
          pending={pending}
          aria-disabled={refused.length > 0 || findingMatches || undefined}
          onClick={() => {
            if (refused.length > 0 || findingMatches) return;
            if (needsConfirmation) setConfirming(true);
            else run();
          }}
        >
          {pending ? "Applying…" : kind === "delete" ? "Delete selected" : "Apply to selected"}
        </PendingButton>
      )}
    </section>
  );
}
