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
  unlockUserAction,
} from "@/lib/actions/users";
import {
  buttonDanger,
  buttonPrimary,
  buttonSecondary,
  inputClass,
  labelClass,
} from "@/components/ui/button-styles";
import { FormDialogActions } from "@/components/ui/form-dialog-actions";
import type { Role } from "@/db/schema";
import type { ActionResult, FormFieldError } from "@/lib/actions/result";
import { errorFor, FieldError } from "@/components/ui/field-error";
import { OPEN_STATUSES } from "@/components/tasks/labels";
import { nameWithEmail } from "./format";
import { Modal } from "./modal";
import { OneTimePassword } from "./one-time-password";
import { RoleOptions } from "./role-options";
import { PendingButton } from "@/components/ui/pending-button";

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

type Open = "edit" | "active" | "password" | null;

const small = "px-2 py-1 text-xs";

/** Edit, deactivate/reactivate and reset-password for one user, each behind a dialog. */
export function UserRowActions({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState<Open>(null);
  const [errors, setErrors] = useState<FormFieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [unlocking, startUnlock] = useTransition();

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
        return;
      }
      done(result.data);
      router.refresh();
    });
  }

  // Names repeat in a large company: the e-mail address tells the buttons and dialogs apart.
  const who = nameWithEmail(user);

  return (
    <div className="flex flex-wrap gap-1">
      <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => show("edit")}>
        Edit<span className="sr-only"> {who}</span>
      </button>
      {isSelf ? null : (
        <button
          type="button"
          className={`${user.is_active ? buttonDanger : buttonSecondary} ${small}`}
          onClick={() => show("active")}
        >
          {user.is_active ? "Deactivate" : "Reactivate"}
          <span className="sr-only"> {who}</span>
        </button>
      )}
      <button
        type="button"
        className={`${buttonSecondary} ${small}`}
        onClick={() => show("password")}
      >
        Reset password<span className="sr-only"> of {who}</span>
      </button>
      {user.locked_until ? (
        // Safe to do at once: the password stays, only the wait after wrong guesses ends.
        <PendingButton
          type="button"
          pending={unlocking}
          className={`${buttonSecondary} ${small}`}
          onClick={() =>
            startUnlock(async () => {
              const result = await callAction(() => unlockUserAction(user.id));
              if (!result.ok) {
                toast.error(result.message);
                return;
              }
              toast.success(`${user.full_name} can sign in again.`);
              router.refresh();
            })
          }
        >
          Unlock<span className="sr-only"> {who}</span>
        </PendingButton>
      ) : null}

      <Modal open={open === "edit"} title={`Edit ${who}`} onClose={() => setOpen(null)}>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            run(
              () =>
                editUserAction(user.id, {
                  email: String(data.get("email") ?? ""),
                  full_name: String(data.get("full_name") ?? ""),
                  role: String(data.get("role") ?? user.role),
                }),
              (saved) => {
                toast.success(`Saved ${saved.full_name}.`);
                setOpen(null);
              },
            );
          }}
        >
          <div>
            <label htmlFor={`${id}-email`} className={labelClass}>
              Email
            </label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              defaultValue={user.email}
              required
              maxLength={254}
              autoComplete="off"
              className={inputClass}
              aria-describedby={`${id}-email-hint${errorFor(errors, "email") ? ` ${id}-email-error` : ""}`}
            />
            <p id={`${id}-email-hint`} className="mt-1 text-xs text-slate-600">
              They sign in with it; their sessions and password stay.
            </p>
            <FieldError id={`${id}-email-error`} message={errorFor(errors, "email")} />
          </div>
          <div>
            <label htmlFor={`${id}-name`} className={labelClass}>
              Full name
            </label>
            <input
              id={`${id}-name`}
              name="full_name"
              defaultValue={user.full_name}
              required
              maxLength={150}
              className={inputClass}
              aria-describedby={errorFor(errors, "full_name") ? `${id}-name-error` : undefined}
            />
            <FieldError id={`${id}-name-error`} message={errorFor(errors, "full_name")} />
          </div>
          <div>
            <label htmlFor={`${id}-role`} className={labelClass}>
              Role
            </label>
            <select
              id={`${id}-role`}
              name="role"
              defaultValue={user.role}
              disabled={isSelf}
              aria-describedby={`${id}-role-hint`}
              className={inputClass}
            >
              <RoleOptions />
            </select>
            <p id={`${id}-role-hint`} className="mt-1 text-xs text-slate-600">
              {isSelf
                ? "You cannot change your own role: another admin must do it."
                : "A role change signs them out everywhere; they sign in again with the new role."}
            </p>
          </div>
          <FormDialogActions
            message={message}
            onCancel={() => setOpen(null)}
            pending={pending}
            submitLabel="Save"
            pendingLabel="Saving…"
            submitClassName={buttonPrimary}
          />
        </form>
      </Modal>

      <Modal
        open={open === "active"}
        title={user.is_active ? `Deactivate ${who}?` : `Reactivate ${who}?`}
        onClose={() => setOpen(null)}
      >
        <p className="text-sm text-slate-700">
          {user.is_active
            ? "They are signed out everywhere at once: every open browser session and API token stops working, and they cannot sign in. Their tasks and history stay as they are; you can reactivate them later."
            : "They can sign in again with their current password. Sessions ended at deactivation stay ended."}
        </p>
        {user.is_active && user.open_tasks > 0 ? (
          <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {user.open_tasks} open task{user.open_tasks === 1 ? " is" : "s are"} assigned to them
            and will stay so.{" "}
            <Link
              href={`/tasks?assigned_to=${user.id}&status=${OPEN_STATUSES}`}
              className="font-medium underline"
            >
              Reassign {user.open_tasks === 1 ? "it" : "them"} first
            </Link>
          </p>
        ) : null}
        {message ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {message}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonSecondary} onClick={() => setOpen(null)}>
            Cancel
          </button>
          <PendingButton
            type="button"
            className={user.is_active ? buttonDanger : buttonPrimary}
            pending={pending}
            onClick={() =>
              run(
                () => setUserActiveAction(user.id, !user.is_active),
                () => {
                  toast.success(
                    user.is_active ? `${who} is deactivated.` : `${who} is active again.`,
                  );
                  setOpen(null);
                },
              )
            }
          >
            {pending ? "Working…" : user.is_active ? "Deactivate" : "Reactivate"}
          </PendingButton>
        </div>
      </Modal>

      <Modal
        open={open === "password"}
        title={`Reset the password of ${who}`}
        onClose={() => setOpen(null)}
        holdOnEscape={generated !== null}
      >
        {generated ? (
          <div className="space-y-4">
            <OneTimePassword email={user.email} password={generated} reset />
            <div className="flex justify-end">
              <button type="button" className={buttonPrimary} onClick={() => setOpen(null)}>
                Done
              </button>
            </div>
          </div>
        ) : (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              const password = String(new FormData(event.currentTarget).get("password") ?? "");
              run(
                () => resetPasswordAction(user.id, password),
                (data) => {
                  toast.success(`New password set for ${who}.`);
                  if (data.generated_password) setGenerated(data.generated_password);
                  else setOpen(null);
                },
              );
            }}
          >
            <p className="text-sm text-slate-700">
              {isSelf
                ? "Your own sessions end too: you will sign in again with the new password."
                : "Their sessions end at once; they sign in again with the new password."}
            </p>
            <div>
              <label htmlFor={`${id}-password`} className={labelClass}>
                New password{" "}
                {isSelf ? null : <span className="font-normal text-slate-600">(optional)</span>}
              </label>
              <input
                id={`${id}-password`}
                name="password"
                type="password"
                autoComplete="new-password"
                required={isSelf}
                className={inputClass}
                aria-describedby={`${id}-password-hint${errorFor(errors, "password") ? ` ${id}-password-error` : ""}`}
              />
              <p id={`${id}-password-hint`} className="mt-1 text-xs text-slate-600">
                {isSelf
                  ? "Your own: choose it here, since you will be signed out at once."
                  : "Leave empty to generate one, shown once."}
              </p>
              <FieldError id={`${id}-password-error`} message={errorFor(errors, "password")} />
            </div>
            <FormDialogActions
              message={message}
              onCancel={() => setOpen(null)}
              pending={pending}
              submitLabel="Reset password"
              pendingLabel="Resetting…"
              submitClassName={buttonDanger}
            />
          </form>
        )}
      </Modal>
    </div>
  );
}
