"use client";

import type { CSSProperties } from "react";
import { Toaster as SonnerToaster } from "sonner";

/**
 * sonner's rich colours put 13 px text at 4.3:1 on its tinted backgrounds; WCAG AA needs 4.5:1.
 * These darker shades of the same hues reach 5.5:1 or more.
 */
const READABLE_COLORS = {
  "--success-text": "hsl(140, 100%, 21%)",
  "--error-text": "hsl(360, 100%, 36%)",
  "--info-text": "hsl(210, 92%, 33%)",
  "--warning-text": "hsl(31, 92%, 27%)",
} as CSSProperties;

/**
 * Below the header's height: at the top right, toasts covered the signed-in name and Sign out
 * for as long as they stayed.
 */
const BELOW_HEADER = { top: "4.5rem", right: "1rem" };

/** One place for toasts: success and failure messages of every dashboard action. */
export function Toaster() {
  return (
    <SonnerToaster
      position="top-right"
      offset={BELOW_HEADER}
      mobileOffset={BELOW_HEADER}
      richColors
      closeButton
      style={READABLE_COLORS}
    />
  );
}
