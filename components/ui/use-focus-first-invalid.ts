"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A refused form takes the keyboard to its first field marked invalid, in the page's order, once
 * the errors are drawn. Asked for on refusal only: errors that go as the user edits a field must
 * not pull focus to the next one.
 */
export function useFocusFirstInvalid<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked === 0) return;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [asked]);
  return { container, focusFirstInvalid: () => setAsked((n) => n + 1) };
}
