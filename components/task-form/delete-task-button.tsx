"use client";

import { callAction } from "@/lib/client/call-action";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { buttonDanger, buttonSecondary } from "@/components/ui/button-styles";
import { deleteTaskAction } from "@/lib/actions/task-form";
import { PendingButton } from "@/components/ui/pending-button";

/** Deleting asks once more, inline, before it happens. */
export function DeleteTaskButton({ taskId, taskTitle }: { taskId: number; taskTitle: string }) {
  const router = useRouter();
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
        className={buttonSecondary}
        onClick={() => setConfirming(true)}
      >
        Delete task
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Confirm deletion"
      className="flex flex-wrap items-center gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape") cancel();
      }}
    >
      <span className="text-sm">Delete “{taskTitle}” for good?</span>
      <PendingButton
        type="button"
        className={buttonDanger}
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(() => deleteTaskAction(taskId));
            if (!result.ok) {
              toast.error(result.message);
              cancel();
              return;
            }
            toast.success("Task deleted.");
            router.push("/tasks");
          })
        }
      >
        Yes, delete
      </PendingButton>
      {/* Cancel, the safe choice, has focus while the question is asked. */}
      <button type="button" autoFocus className={buttonSecondary} onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
