"use client";

import { signOut } from "next-auth/react";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { errorFor, FieldError } from "@/components/ui/field-error";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/button-styles";
import { callAction } from "@/lib/client/call-action";
import { changeOwnPasswordAction } from "@/lib/actions/own-password";
import type { FormFieldError } from "@/lib/actions/result";
import { LOGIN_NOTICES, PASSWORD_CHANGED } from "@/lib/auth/messages";
import { PendingButton } from "@/components/ui/pending-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";

/** Current password, then the new one; on success every session ends, so this one signs out. */
export function OwnPasswordForm() {
  const id = useId();
  const [errors, setErrors] = useState<FormFieldError[]>([]);
  const { container: form, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const field = (name: string, label: string, autoComplete: string, hint?: string) => {
    const error = errorFor(errors, name);
    const describedBy = [hint ? `${id}-${name}-hint` : null, error ? `${id}-${name}-error` : null]
      .filter(Boolean)
      .join(" ");
    return (
      <div>
        <label htmlFor={`${id}-${name}`} className={labelClass}>
          {label}
        </label>
        <input
          id={`${id}-${name}`}
          name={name}
          type="password"
          required
          autoComplete={autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={inputClass}
        />
        {hint ? (
          <p id={`${id}-${name}-hint`} className="mt-1 text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
        <FieldError id={`${id}-${name}-error`} message={error} />
      </div>
    );
  };

  return (
    <form
      ref={form}
      className="grid max-w-md gap-4"
      aria-label="Change your password"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        // Every session ends with the change, so a mistyped new password would lock them out.
        if (data.get("new_password") !== data.get("new_password_again")) {
          setMessage(null);
          setErrors([{ field: "new_password_again", message: "The two new passwords differ." }]);
          focusFirstInvalid();
          return;
        }
        startTransition(async () => {
          const result = await callAction(() =>
            changeOwnPasswordAction(
              String(data.get("current_password") ?? ""),
              String(data.get("new_password") ?? ""),
            ),
          );
          if (!result.ok) {
            setErrors(result.fieldErrors);
            setMessage(result.fieldErrors.length > 0 ? null : result.message);
            focusFirstInvalid();
            return;
          }
          toast.success(PASSWORD_CHANGED);
          await signOut({ callbackUrl: `/login?notice=${LOGIN_NOTICES.passwordChanged}` });
        });
      }}
    >
      {message ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {message}
        </p>
      ) : null}
      {field("current_password", "Current password", "current-password")}
      {field(
        "new_password",
        "New password",
        "new-password",
        "At least 10 characters. Every session of yours ends, this one too: sign in again with it.",
      )}
      {field("new_password_again", "Repeat the new password", "new-password")}
      <div>
        <PendingButton
          type="submit"
          pending={pending}
          aria-busy={pending}
          className={buttonPrimary}
        >
          {pending ? "Changing…" : "Change password"}
        </PendingButton>
      </div>
    </form>
  );
}
