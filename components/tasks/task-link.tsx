"use client";

import Link, { useLinkStatus } from "next/link";
import type { ReactNode } from "react";
import { noteTaskOpenedFrom } from "@/lib/client/task-return";

/**
 * A link to a task's page. That page renders whole before it answers (so that a missing task is a
 * 404), with no loading screen in between: the link itself shows that it is opening.
 */
export function TaskLink({
  id,
  className,
  children,
}: {
  id: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link
      href={`/tasks/${id}`}
      className={className}
      onClick={() => noteTaskOpenedFrom(id, window.location)}
    >
      {children}
      <OpeningHint />
    </Link>
  );
}

function OpeningHint() {
  const { pending } = useLinkStatus();
  // Shown only while pending and after a beat, so a quick open does not flash; hung from a
  // zero-width anchor past the text, so it never takes a line of its own in a narrow cell.
  return (
    <span aria-hidden="true" className="relative inline-block h-3 w-0 align-middle">
      <span
        data-opening={pending || undefined}
        className={`absolute top-0 left-1.5 h-3 w-3 rounded-full border-2 border-slate-300 border-t-brand-600 motion-safe:animate-spin ${
          pending ? "visible opacity-100 transition-opacity delay-150" : "invisible opacity-0"
        }`}
      />
    </span>
  );
}
