"use client";

import { callAction, formRefusalMessage } from "@/lib/client/call-action";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { createUserAction } from "@/lib/actions/users";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/button-styles";
import type { FormFieldError } from "@/lib/actions/result";
import { errorFor, FieldError, inputName, withoutErrorFor } from "@/components/ui/field-error";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { OneTimePassword } from "./one-time-password";
import { RoleOptions } from "./role-options";
import { PendingButton } from "@/components/ui/pending-button";
import { EMAIL_MAX, FULL_NAME_MAX } from "@/lib/validation/user-limits";

/** Name, email, role and an optional initial password; without one, a generated one is shown once. */
export function CreateUserForm() {
  const router = useRouter();
  const id = useId();
  const [errors, setErrors] = useState<FormFieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const { container, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    startTransition(async () => {
      const result = await callAction(() =>
        createUserAction({
          full_name: String(data.get("full_name") ?? ""),
          email: String(data.get("email") ?? ""),
          role: String(data.get("role") ?? "EMPLOYEE"),
          password: String(data.get("password") ?? ""),
        }),
      );
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setMessage(formRefusalMessage(result, ["full_name", "email", "password"]));
        focusFirstInvalid();
        return;
      }
      setErrors([]);
      setMessage(null);
      setCreated({ email: result.data.email, password: result.data.generated_password });
      toast.success(`Created ${result.data.full_name}.`);
      form.reset();
      router.refresh();
    });
  }

  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errorFor(errors, name) ? true : undefined,
    "aria-describedby": errorFor(errors, name) ? `${id}-${name}-error` : undefined,
  });

  return (
    <div className="space-y-4">
      <form
        ref={container}
        aria-label="Create a user"
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit(event.currentTarget);
        }}
        onInput={(event) => {
          const edited = inputName(event);
          setErrors((now) => withoutErrorFor(now, edited));
        }}
      >
        <div>
          <label htmlFor={`${id}-full_name`} className={labelClass}>
            Full name
          </label>
          <input
            {...field("full_name")}
            required
            maxLength={FULL_NAME_MAX}
            className={inputClass}
          />
          <FieldError id={`${id}-full_name-error`} message={errorFor(errors, "full_name")} />
        </div>
        <div>
          <label htmlFor={`${id}-email`} className={labelClass}>
            Email
          </label>
          <input
            {...field("email")}
            type="email"
            required
            maxLength={EMAIL_MAX}
            autoComplete="off"
            className={inputClass}
          />
          <FieldError id={`${id}-email-error`} message={errorFor(errors, "email")} />
        </div>
        <div>
          <label htmlFor={`${id}-role`} className={labelClass}>
            Role
          </label>
          <select {...field("role")} defaultValue="EMPLOYEE" className={inputClass}>
            <RoleOptions />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-password`} className={labelClass}>
            Initial password <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <input
            {...field("password")}
            type="password"
            autoComplete="new-password"
            aria-describedby={`${id}-password-hint${errorFor(errors, "password") ? ` ${id}-password-error` : ""}`}
            className={inputClass}
          />
          <p id={`${id}-password-hint`} className="mt-1 text-xs text-slate-600">
            At least 10 characters. Leave empty to generate one, shown once.
          </p>
          <FieldError id={`${id}-password-error`} message={errorFor(errors, "password")} />
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <PendingButton type="submit" className={buttonPrimary} pending={pending}>
            {pending ? "Creating…" : "Create user"}
          </PendingButton>
          {message ? (
            <p role="alert" className="text-sm text-red-700">
              {message}
            </p>
          ) : null}
        </div>
      </form>
      {created?.password ? (
        // Keyed: each new password starts uncopied, with focus on its own Copy button.
        <OneTimePassword key={created.password} email={created.email} password={created.password} />
      ) : null}
    </div>
  );
}
