"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { takeFocusAfterLoad } from "@/lib/client/focus-after-load";

/**
 * The line that says what a list found, announced as it changes. Applying a FilterForm with
 * `resultsId` set to this `id` loads a new page, and focus lands here instead of at the top.
 */
export function ResultsCount({ id, children }: { id: string; children: ReactNode }) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (takeFocusAfterLoad() === id) line.current?.focus();
  }, [id]);
  return (
    <p id={id} ref={line} tabIndex={-1} role="status" className="mb-3 text-sm text-slate-700">
      {children}
    </p>
  );
}
