"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";

/**
 * A value typed or chosen before the page's script ran (a slow connection) stays in the element,
 * but React fires no change for it: on mount, a value other than the one drawn is handed to
 * `adopt`, as the change would have been, so that the control does what it shows.
 */
export function useValueSetBeforeHydration(
  element: RefObject<HTMLInputElement | HTMLSelectElement | null>,
  drawn: string,
  adopt: (value: string) => void,
): void {
  const adoptEarlyValue = useEffectEvent(() => {
    const value = element.current?.value;
    if (value !== undefined && value !== drawn) adopt(value);
  });
  useEffect(() => adoptEarlyValue(), []);
}
