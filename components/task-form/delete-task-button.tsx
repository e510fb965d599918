"use client";

import { callAction } from "@/lib/client/call-action";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { buttonSecondary } from "@/components/ui/button-styles";
import { deleteTaskAction } from "@/lib/actions/task-form";
import { focusAfterLoad } from "@/lib/client/focus-after-load";
import { listReturn, taskReturnFor } from "@/lib/client/task-return";
import { InlineConfirm } from "@/components/ui/inline-confirm";
import { useHydrated } from "@/lib/client/use-hydrated";

const CHANGED_BEFORE_DELETE =
  "Someone changed this task since the page was loaded, so it was not deleted. Here it is as it is now.";

/**
 * Deleting asks once more, inline, before it happens, and deletes only the version it named: a
 * task changed meanwhile is shown again instead. Until the page's script runs the button is
 * disabled: it could not ask yet, and a tap that does nothing reads as broken.
 */
export function DeleteTaskButton({
  taskId,
  taskVersion,
  taskTitle,
  openPaths,
}: {
  taskId: number;
  taskVersion: number;
  taskTitle: string;
  /** The pages the caller may see: where the list the task was opened from must be. */
  openPaths: readonly string[];
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  // After a cancelled confirmation, focus returns to the button that asked for it.
  const [cancelled, setCancelled] = useState(false);
  const [pending, startTransition] = useTransition();
  const cancel = () => {
    setConfirming(false);
    setCancelled(true);
  };

  if (!confirming) {
    return (
      <button
        type="button"
        autoFocus={cancelled}
        disabled={!hydrated}
        className={buttonSecondary}
        onClick={() => setConfirming(true)}
      >
        Delete task
      </button>
    );
  }
  return (
    <InlineConfirm
      label="Confirm deletion"
      question={`Delete “${taskTitle}” for good?`}
      confirmLabel="Yes, delete"
      pending={pending}
      onConfirm={() =>
        startTransition(async () => {
          const result = await callAction(() => deleteTaskAction(taskId, taskVersion));
          if (!result.ok) {
            toast.error(result.status === 412 ? CHANGED_BEFORE_DELETE : result.message);
            cancel();
            if (result.status === 412) router.refresh();
            return;
          }
          toast.success("Task deleted.");
          // Back to the list the task was opened from (the table otherwise); the button went with
          // the page, so that list's count line takes focus once it is shown.
          const back = taskReturnFor(taskId, openPaths) ?? listReturn("/tasks");
          focusAfterLoad(back.countId);
          router.push(back.href);
        })
      }
      onCancel={cancel}
    />
  );
}
