"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * How long a select waits for its choice to settle before acting on it. Arrow keys on a closed
 * select change its value at each press: To do → Done passes In progress, 20 → 100 rows passes
 * 50, and only where the keys stop is the choice.
 */
export const SETTLE_MS = 500;

/**
 * Acts on the last of quickly repeated choices once they have stopped for SETTLE_MS, or at once
 * on `settleNow()` (focus leaving the control). `onUnmount`: whether a choice still settling when
 * the control goes runs (a save) or is dropped (a navigation, which leaving has overtaken).
 */
export function useSettledChoice(onUnmount: "run" | "drop") {
  const waiting = useRef<{ timer: ReturnType<typeof setTimeout>; act: () => void } | null>(null);

  const settleNow = useCallback(() => {
    const choice = waiting.current;
    if (!choice) return;
    clearTimeout(choice.timer);
    waiting.current = null;
    choice.act();
  }, []);

  const choose = useCallback(
    (act: () => void) => {
      if (waiting.current) clearTimeout(waiting.current.timer);
      waiting.current = { act, timer: setTimeout(settleNow, SETTLE_MS) };
    },
    [settleNow],
  );

  useEffect(
    () => () => {
      if (onUnmount === "run") settleNow();
      else if (waiting.current) clearTimeout(waiting.current.timer);
    },
    [onUnmount, settleNow],
  );

  const isSettling = useCallback(() => waiting.current !== null, []);
  return { choose, settleNow, isSettling };
}
