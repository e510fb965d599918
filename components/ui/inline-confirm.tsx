"use client";

import type { ReactNode } from "react";
import { buttonDanger, buttonSecondary } from "./button-styles";
import { PendingButton } from "./pending-button";

/**
 * A question asked in place of the button that raised it, before something not easily undone:
 * the safe choice (Cancel) has focus, and Escape cancels, as in every dialog of the app.
 */
export function InlineConfirm({
  label,
  question,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  /** The group's accessible name, e.g. "Confirm deletion". */
  label: string;
  question?: ReactNode;
  confirmLabel: ReactNode;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex flex-wrap items-center gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      {question ? <span className="text-sm">{question}</span> : null}
      <PendingButton type="button" className={buttonDanger} pending={pending} onClick={onConfirm}>
        {confirmLabel}
      </PendingButton>
      <button type="button" className={buttonSecondary} autoFocus onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
