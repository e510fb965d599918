"use client";

import { useFormStatus } from "react-dom";
import { dropEveryTaskDraft } from "@/components/task-form/task-draft";
import { signOutAction } from "@/lib/actions/sign-out";

/**
 * Ends the browser session and returns to the sign-in page, the page's script loaded or not; with
 * it, the task drafts the tab kept are dropped (a shared computer).
 */
export function SignOutButton() {
  return (
    <form action={signOutAction} onSubmit={dropEveryTaskDraft}>
      <SignOutSubmit />
    </form>
  );
}

function SignOutSubmit() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      // A second press while the first is on its way would only race it.
      onClick={(event) => (pending ? event.preventDefault() : undefined)}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-disabled:opacity-60"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
