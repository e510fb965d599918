"use client";

import Link from "next/link";
import type { MouseEvent } from "react";
import { previousPage } from "@/components/ui/page-counts";
import { pageCountOf } from "@/lib/http/page-links";
import { focusAfterLoad } from "@/lib/client/focus-after-load";
import { isPlainClick } from "@/lib/client/plain-click";

type Props = {
  label: string;
  page: number;
  pageSize: number;
  count: number;
  /** The current filters, as a query string without "page". */
  query: string;
  basePath: string;
  /** The page's ResultsCount: keyboard focus goes there on the new page, not back to the top. */
  resultsId: string;
};

/** Previous/next links that keep the filters; server-side pages, no client state. */
export function PaginationNav({ label, page, pageSize, count, query, basePath, resultsId }: Props) {
  const pages = pageCountOf(count, pageSize);
  const href = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    const text = params.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  // Only a click that loads the page here: one that opens a new tab would leave the note for
  // whatever this tab loads next.
  const noteFocus = (event: MouseEvent<HTMLAnchorElement>) => {
    if (isPlainClick(event)) focusAfterLoad(resultsId);
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600">
        Page {Math.min(page, pages)} of {pages} · {count} in all
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            href={href(previousPage(page, pages))}
            className={link}
            rel="prev"
            onClick={noteFocus}
          >
            {page > pages ? "Last page" : "Previous"}
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className={link} rel="next" onClick={noteFocus}>
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
