"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { takeFocusAfterLoad } from "@/lib/client/focus-after-load";

/**
 * The line that says what a list found, announced as it changes. Applying a FilterForm, or
 * paging with a PaginationNav, whose `resultsId` is this `id` loads a new page, and focus lands
 * here instead of at the top; so it also says which page this is, when there are several.
 */
export function ResultsCount({
  id,
  page,
  pages,
  children,
}: {
  id: string;
  page: number;
  pages: number;
  children: ReactNode;
}) {
  const line = useRef<HTMLParagraphElement>(null);
  // Paging loads in place (the line stays mounted): each new page looks again.
  useEffect(() => {
    if (takeFocusAfterLoad() === id) line.current?.focus();
  }, [id, page]);
  return (
    <p id={id} ref={line} tabIndex={-1} role="status" className="mb-3 text-sm text-slate-700">
      {children}
      {pages > 1 && page <= pages ? ` Page ${page} of ${pages}.` : null}
    </p>
  );
}
