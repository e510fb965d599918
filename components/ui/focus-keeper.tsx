"use client";

import { useEffect, useRef, type ReactNode } from "react";

type Props = { label: string; children: ReactNode };

/**
 * A region whose content may leave while it has focus (a status change in a filtered list takes
 * the task out): the browser then drops focus to the page's start, and a keyboard user loses
 * their place. Focus goes to the link of the item that took the removed one's place, or to the
 * region when nothing did. Never to another status control, where the next arrow key would
 * change a task the user did not mean to.
 */
export function FocusKeeper({ label, children }: Props) {
  const region = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = region.current;
    if (!element) return;
    let focused: Element | null = null;
    const remember = (event: FocusEvent) => {
      focused = event.target as Element;
    };
    const observer = new MutationObserver((mutations) => {
      const lost = focused;
      if (!lost || lost.isConnected || document.activeElement !== document.body) return;
      focused = null;
      const removal = mutations.find((mutation) =>
        [...mutation.removedNodes].some((node) => node.contains(lost)),
      );
      const neighbour = (removal?.nextSibling ?? removal?.previousSibling) as Element | null;
      const link = neighbour?.querySelector?.<HTMLElement>("a[href]");
      (link ?? element).focus();
    });
    element.addEventListener("focusin", remember);
    observer.observe(element, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("focusin", remember);
    };
  }, []);

  return (
    <section ref={region} aria-label={label} tabIndex={-1}>
      {children}
    </section>
  );
}
