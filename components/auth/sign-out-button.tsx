"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { PendingButton } from "@/components/ui/pending-button";
import { LOGIN_NOTICES } from "@/lib/auth/messages";

type Props = { className?: string };

/** Ends the browser session and returns to the sign-in page. */
export function SignOutButton({ className }: Props) {
  const [pending, setPending] = useState(false);
  return (
    <PendingButton
      type="button"
      pending={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: `/login?notice=${LOGIN_NOTICES.signedOut}` });
      }}
      className={
        className ??
        "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </PendingButton>
  );
}
