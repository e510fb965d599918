"use client";

import { useSyncExternalStore } from "react";

const noChanges = () => () => {};

/**
 * False on the server and while React takes over the server's HTML, true once the page's script
 * runs: the server's snapshot is what hydration renders, the client's what comes after.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
}
