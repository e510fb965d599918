"use client";

import { useEffect, useRef, type ReactNode } from "react";

type Props = { label: string; className?: string; children: ReactNode };

/**
 * A list whose items may leave it while one of them has focus (a status change in a filtered
 * list): the browser then drops focus to the page's start, and a keyboard user loses their place.
 * Focus goes to the same control of the item that took the removed one's place, or to the list.
 */
export function FocusKeepingList({ label, className, children }: Props) {
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new MutationObserver((mutations) => {
      if (document.activeElement !== document.body) return;
      const removal = mutations.find((mutation) => mutation.removedNodes.length > 0);
      if (!removal) return;
      const neighbour = (removal.nextSibling ?? removal.previousSibling) as HTMLElement | null;
      const target =
        neighbour?.querySelector<HTMLElement>("select") ??
        neighbour?.querySelector<HTMLElement>("a[href], button, input") ??
        element;
      target.focus();
    });
    observer.observe(element, { childList: true });
    return () => observer.disconnect();
  }, []);

  return (
    <ul ref={list} aria-label={label} tabIndex={-1} className={className}>
      {children}
    </ul>
  );
}
