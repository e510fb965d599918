"use client";

import { callAction, formRefusalMessage } from "@/lib/client/call-action";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import {
  editUserAction,
  resetPasswordAction,
  setUserActiveAction,
  signOutUserAction,
  unlockUserAction,
} from "@/lib/actions/users";
import { buttonDanger, buttonSecondary } from "@/components/ui/button-styles";
import type { Role } from "@/lib/domain/enums";
import type { ActionResult, FormFieldError } from "@/lib/actions/result";
import { withoutErrorFor } from "@/components/ui/field-error";
import { EditUserForm } from "./edit-user-form";
import { nameWithEmail } from "./format";
import { Modal } from "./modal";
import { ResetPasswordForm } from "./reset-password-form";
import { UserActiveConfirm } from "./user-active-confirm";
import { UserSignOutConfirm } from "./user-sign-out-confirm";
import { PendingButton } from "@/components/ui/pending-button";
import { useHydrated } from "@/lib/client/use-hydrated";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";

export type RowUser = {
  id: number;
  email: string;
  full_name: string;
  role: Role;
  is_active: boolean;
  locked_until: string | null;
  /** Assigned and not done: a deactivation leaves them with the person. */
  open_tasks: number;
};

type Open = "edit" | "active" | "password" | "sign-out" | null;

const small = "px-2 py-1 text-xs";

/**
 * Edit, deactivate/reactivate, reset-password and sign-out for one user, each behind a dialog.
 * The buttons are disabled until the page's script runs: before, a press could open nothing.
 */
export function UserRowActions({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState<Open>(null);
  const [errors, setErrors] = useState<FormFieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [unlocking, startUnlock] = useTransition();
  const hydrated = useHydrated();
  // The dialogs are drawn inside this component's own element.
  const { container, focusFirstInvalid } = useFocusFirstInvalid<HTMLDivElement>();

  function show(which: Open) {
    setErrors([]);
    setMessage(null);
    setGenerated(null);
    setOpen(which);
  }

  function run<T>(work: () => Promise<ActionResult<T>>, done: (data: T) => void) {
    startTransition(async () => {
      const result = await callAction(work);
      if (!result.ok) {
        setErrors(result.fieldErrors);
        // Of its dialogs' fields, email and name (edit) and the password (reset) show their errors.
        setMessage(formRefusalMessage(result, ["email", "full_name", "password"]));
        focusFirstInvalid();
        return;
      }
      done(result.data);
      router.refresh();
    });
  }

  // Names repeat in a large company: the e-mail address tells the buttons and dialogs apart.
  const who = nameWithEmail(user);
  const close = () => setOpen(null);
  // What the two form dialogs share.
  const dialog = {
    user,
    fieldId: id,
    errors,
    message,
    pending,
    onFieldInput: (field: string) => setErrors((now) => withoutErrorFor(now, field)),
  };

  return (
    <div ref={container} className="flex flex-wrap gap-1">
      <button
        type="button"
        disabled={!hydrated}
        className={`${buttonSecondary} ${small}`}
        onClick={() => show("edit")}
      >
        Edit<span className="sr-only"> {who}</span>
      </button>
      {isSelf ? null : (
        <button
          type="button"
          disabled={!hydrated}
          className={`${user.is_active ? buttonDanger : buttonSecondary} ${small}`}
          onClick={() => show("active")}
        >
          {user.is_active ? "Deactivate" : "Reactivate"}
          <span className="sr-only"> {who}</span>
        </button>
      )}
      {isSelf ? (
        // One's own password changes with the current one and typed twice, on Your account.
        <Link href="/account" className={`${buttonSecondary} ${small}`}>
          Change your password
        </Link>
      ) : (
        <button
          type="button"
          disabled={!hydrated}
          className={`${buttonSecondary} ${small}`}
          onClick={() => show("password")}
        >
          Reset password<span className="sr-only"> of {who}</span>
        </button>
      )}
      {isSelf || !user.is_active ? null : (
        // One's own sessions end from Your account; a deactivated person has none.
        <button
          type="button"
          disabled={!hydrated}
          className={`${buttonSecondary} ${small}`}
          onClick={() => show("sign-out")}
        >
          Sign out<span className="sr-only"> {who} everywhere</span>
        </button>
      )}
      {user.locked_until ? (
        // Safe to do at once: the password stays, only the wait after wrong guesses ends.
        <PendingButton
          type="button"
          disabled={!hydrated}
          pending={unlocking}
          className={`${buttonSecondary} ${small}`}
          onClick={(event) => {
            // The button goes once it has worked: focus stays in the row, on the one before it.
            const before = event.currentTarget.previousElementSibling;
            startUnlock(async () => {
              const result = await callAction(() => unlockUserAction(user.id));
              if (!result.ok) {
                toast.error(result.message);
                return;
              }
              toast.success(`${user.full_name} can sign in again.`);
              if (before instanceof HTMLElement) before.focus();
              router.refresh();
            });
          }}
        >
          Unlock<span className="sr-only"> {who}</span>
        </PendingButton>
      ) : null}

      <Modal open={open === "edit"} title={`Edit ${who}`} onClose={close}>
        <EditUserForm
          {...dialog}
          isSelf={isSelf}
          onSave={(values) =>
            run(
              () => editUserAction(user.id, values),
              (saved) => {
                toast.success(`Saved ${saved.full_name}.`);
                close();
              },
            )
          }
          onCancel={close}
        />
      </Modal>

      <Modal
        open={open === "active"}
        title={user.is_active ? `Deactivate ${who}?` : `Reactivate ${who}?`}
        onClose={close}
      >
        <UserActiveConfirm
          user={user}
          message={message}
          pending={pending}
          onConfirm={() =>
            run(
              () => setUserActiveAction(user.id, !user.is_active),
              () => {
                toast.success(
                  user.is_active ? `${who} is deactivated.` : `${who} is active again.`,
                );
                close();
              },
            )
          }
          onCancel={close}
        />
      </Modal>

      <Modal open={open === "sign-out"} title={`Sign out ${who} everywhere?`} onClose={close}>
        <UserSignOutConfirm
          message={message}
          pending={pending}
          onConfirm={() =>
            run(
              () => signOutUserAction(user.id),
              () => {
                toast.success(`${who} is signed out everywhere.`);
                close();
              },
            )
          }
          onCancel={close}
        />
      </Modal>

      <Modal
        open={open === "password"}
        title={`Reset the password of ${who}`}
        onClose={close}
        holdOnEscape={generated !== null}
      >
        <ResetPasswordForm
          {...dialog}
          generated={generated}
          onReset={(password) =>
            run(
              () => resetPasswordAction(user.id, password),
              (data) => {
                toast.success(`New password set for ${who}.`);
                if (data.generated_password) setGenerated(data.generated_password);
                else close();
              },
            )
          }
          onClose={close}
        />
      </Modal>
    </div>
  );
}
