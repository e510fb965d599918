"use client";

import { useEffect, useState } from "react";
import { buttonSecondary } from "@/components/ui/button-styles";
import { SESSION_ENDED_EVENT, SESSION_OK_EVENT } from "@/lib/client/call-action";

/**
 * Shown when an action is refused because the session has ended (callAction's event): the page
 * and what was entered on it stay; signing in again in another tab lets the same action go
 * through here. It goes away with the next action that does, or when dismissed. A modal dialog
 * shows one of its own (`inDialog`): it keeps the page's out of reach while it is open.
 */
export function SessionEndedNotice({ inDialog = false }: { inDialog?: boolean }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const show = () => setShown(true);
    const hide = () => setShown(false);
    window.addEventListener(SESSION_ENDED_EVENT, show);
    window.addEventListener(SESSION_OK_EVENT, hide);
    return () => {
      window.removeEventListener(SESSION_ENDED_EVENT, show);
      window.removeEventListener(SESSION_OK_EVENT, hide);
    };
  }, []);
  if (!shown) return null;
  return (
    <div
      role="alert"
      className={`border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 ${
        inDialog ? "mb-4 rounded-md border" : "border-b"
      }`}
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3">
        <p className="min-w-0 flex-1">
          Your session has ended, so your last change was not saved. Nothing{" "}
          {inDialog ? "you entered here" : "on this page"} is lost: sign in again in a new tab, then
          come back and try again.
        </p>
        <a href="/login" target="_blank" rel="noopener" className={buttonSecondary}>
          Sign in (new tab)
        </a>
        <button type="button" className={buttonSecondary} onClick={() => setShown(false)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
