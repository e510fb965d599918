"use client";

import { useEffect, useRef, type FocusEvent, type KeyboardEvent } from "react";

/**
 * A `<details>` used as a menu or popover. The browser opens and closes it by itself, before the
 * page's script has run too; the script adds what a menu is expected to do besides: close when a
 * tap or click lands elsewhere, when Tab leaves it, and on Escape, handing focus to its summary.
 * Spread the returned `props` on the `<details>`; `close` shuts it from elsewhere (a chosen link).
 */
export function useDismissableDisclosure() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const closeFromOutside = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("pointerdown", closeFromOutside);
    return () => document.removeEventListener("pointerdown", closeFromOutside);
  }, []);
  const props = {
    ref,
    onBlur(event: FocusEvent<HTMLDetailsElement>) {
      const { currentTarget, relatedTarget } = event;
      if (relatedTarget && !currentTarget.contains(relatedTarget)) currentTarget.open = false;
    },
    onKeyDown(event: KeyboardEvent<HTMLDetailsElement>) {
      const details = event.currentTarget;
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    },
  };
  const close = () => {
    if (ref.current) ref.current.open = false;
  };
  return { props, close };
}
