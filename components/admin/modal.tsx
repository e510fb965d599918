"use client";

import { useEffect, useId, useRef } from "react";
import { SessionEndedNotice } from "@/components/shell/session-ended-notice";

type Props = {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Escape leaves it open: it shows something that cannot be shown again (a one-time password). */
  holdOnEscape?: boolean;
  children: React.ReactNode;
};

/**
 * A native modal <dialog>: the browser traps focus, closes it on Escape (unless `holdOnEscape`)
 * and returns focus to the button that opened it. The page's session-ended notice is out of reach
 * behind it, so it has its own, and what was typed in it stays while one signs in again.
 */
export function Modal({ open, title, onClose, holdOnEscape = false, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // Chromium honours preventDefault on the first Escapes only, then closes anyway: a dialog
      // that must stay is opened again, until the parent closes it.
      onClose={() =>
        holdOnEscape && open && ref.current?.isConnected ? ref.current.showModal() : onClose()
      }
      onCancel={(event) => {
        if (holdOnEscape) event.preventDefault();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {open ? (
        <div className="p-5">
          <h2 id={titleId} className="mb-3 text-lg font-semibold wrap-anywhere">
            {title}
          </h2>
          <SessionEndedNotice inDialog />
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
