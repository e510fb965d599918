"use client";

import { signOut } from "next-auth/react";
import { useRef, useState, useTransition } from "react";
import { buttonSecondary } from "@/components/ui/button-styles";
import { InlineConfirm } from "@/components/ui/inline-confirm";
import { signOutEverywhereAction } from "@/lib/actions/own-sessions";
import { LOGIN_NOTICES } from "@/lib/auth/messages";
import { callAction } from "@/lib/client/call-action";
import { useHydrated } from "@/lib/client/use-hydrated";

/**
 * Ends every session of the user (a lost phone, a shared computer), asked once more first. The
 * button is disabled until the page's script runs: it could not ask before.
 */
export function SignOutEverywhere() {
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ask = useRef<HTMLButtonElement>(null);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => ask.current?.focus());
  };
  const confirm = () =>
    startTransition(async () => {
      const result = await callAction(() => signOutEverywhereAction());
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      await signOut({ callbackUrl: `/login?notice=${LOGIN_NOTICES.signedOutEverywhere}` });
    });

  return (
    <section aria-labelledby="sessions-heading" className="mt-10 max-w-md space-y-3">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Sign out everywhere
      </h2>
      <p className="text-sm text-slate-700">
        Ends every session of yours at once: other browsers and phones, the API tokens of your
        scripts, and this page too. Your password stays as it is.
      </p>
      {message ? (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
      {confirming ? (
        <InlineConfirm
          label="Confirm signing out everywhere"
          confirmLabel={pending ? "Signing out…" : "Yes, sign out everywhere"}
          pending={pending}
          onConfirm={confirm}
          onCancel={cancel}
        />
      ) : (
        <button
          ref={ask}
          type="button"
          disabled={!hydrated}
          className={buttonSecondary}
          onClick={() => setConfirming(true)}
        >
          Sign out everywhere
        </button>
      )}
    </section>
  );
}
