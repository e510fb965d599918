"use client";

import { useState } from "react";
import { buttonSecondary } from "@/components/ui/button-styles";

/**
 * A generated password, shown this once: it is never stored in clear and cannot be shown again.
 * `reset`: it replaces someone's password, rather than being their first.
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
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium text-amber-900">
        {reset ? "New" : "Initial"} password for {email} — shown only this once:
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          data-testid="one-time-password"
          className="rounded bg-white px-2 py-1 font-mono text-base text-slate-900"
        >
          {password}
        </code>
        <button
          type="button"
          className={buttonSecondary}
          onClick={async () => {
            await navigator.clipboard?.writeText(password);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="mt-2 text-amber-900">
        Hand it to them privately; they should change it after signing in (their name at the top of
        any page opens Your account).
      </p>
    </div>
  );
}
