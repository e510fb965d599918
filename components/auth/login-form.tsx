"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { getSession, signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { INVALID_CREDENTIALS } from "@/lib/auth/messages";
import { landingPath } from "@/lib/auth/role-home";
import { loginSchema, type LoginInput } from "@/lib/validation/auth";
import { describeSignInError } from "./sign-in-errors";
import { PendingButton } from "@/components/ui/pending-button";

type Props = {
  /** The page asked for, already checked to be a same-origin path; null: the role's home. */
  callback: string | null;
  /** What brought them here (signed out, password changed): shown until they try to sign in. */
  notice: string | null;
  initialError: string | null;
};

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600 sm:text-sm";

export function LoginForm({ callback, notice, initialError }: Props) {
  const router = useRouter();
  const [noticeShown, setNoticeShown] = useState(notice !== null);
  const [formError, setFormError] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), mode: "onSubmit" });

  const onSubmit = handleSubmit(
    async (values) => {
      setFormError(null);
      setNoticeShown(false);
      try {
        const result = await signIn("credentials", { ...values, redirect: false });
        if (!result || result.error || !result.ok) {
          const refusal = describeSignInError(result?.error ?? null) ?? INVALID_CREDENTIALS;
          setFormError(refusal);
          // The password is most likely what was mistyped: the next try starts there, empty.
          if (refusal === INVALID_CREDENTIALS) {
            resetField("password");
            setFocus("password");
          }
          return;
        }
        // The role is known only now: a page it may not open gives way to its home.
        const session = await getSession();
        router.replace(session?.user ? landingPath(session.user.role, callback) : "/");
        router.refresh();
      } catch {
        setFormError("Could not reach the server. Check your connection and try again.");
      }
    },
    // Refused by its fields, the form says so by them: the last attempt's refusal would be stale.
    () => setFormError(null),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby="login-error">
      {noticeShown ? (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
        >
          {notice}
        </p>
      ) : null}
      <div id="login-error" aria-live="assertive">
        {formError ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {formError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          className={inputClass}
          {...register("email")}
        />
        {errors.email ? (
          <p id="email-error" className="mt-1 text-sm text-red-700">
            {errors.email.message}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          className={inputClass}
          {...register("password")}
        />
        {errors.password ? (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {errors.password.message}
          </p>
        ) : null}
      </div>
      <PendingButton
        type="submit"
        pending={isSubmitting}
        aria-busy={isSubmitting}
        className="inline-flex w-full items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-70 aria-disabled:cursor-not-allowed aria-disabled:opacity-70"
      >
        {isSubmitting ? (
          <span
            aria-hidden="true"
            className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
          />
        ) : null}
        {isSubmitting ? "Signing in…" : "Sign in"}
      </PendingButton>
    </form>
  );
}
