"use client";

import { useEffect, useRef, useState } from "react";
import { buttonSecondary } from "@/components/ui/button-styles";

type CopyState = "idle" | "copied" | "failed";

/**
 * A generated password, shown this once: it is never stored in clear and cannot be shown again.
 * `reset`: it replaces someone's password, rather than being their first. It replaces the form
 * that asked for it, so keyboard focus moves to its Copy button instead of falling to the page.
 */
export function OneTimePassword({
  email,
  password,
  reset = false,
}: {
  email: string;
  password: string;
  reset?: boolean;
}) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const text = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);

  async function copyPassword() {
    try {
      // Missing where the page is not a secure context (plain http at a LAN address).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(password);
      setCopy("copied");
    } catch {
      // Selected, it is one keystroke from the clipboard.
      if (text.current) window.getSelection()?.selectAllChildren(text.current);
      setCopy("failed");
    }
  }

  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium text-amber-900">
        {reset ? "New" : "Initial"} password for {email} — shown only this once:
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          ref={text}
          data-testid="one-time-password"
          className="rounded bg-white px-2 py-1 font-mono text-base text-slate-900"
        >
          {password}
        </code>
        <button ref={button} type="button" className={buttonSecondary} onClick={copyPassword}>
          {copy === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      {copy === "failed" ? (
        <p className="mt-2 font-medium text-red-800">
          This browser did not let the page copy it. The password is selected: copy it with Ctrl+C
          (⌘C on a Mac) before closing.
        </p>
      ) : null}
      <p className="mt-2 text-amber-900">
        Hand it to them privately; they should change it after signing in (their name at the top of
        any page opens Your account).
      </p>
    </div>
  );
}
