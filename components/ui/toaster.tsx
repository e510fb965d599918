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

/** One place for toasts: success and failure messages of every dashboard action. */
export function Toaster() {
  return (
    // At the bottom: at the top they covered Sign out, or, below the header, the page's own
    // actions (a task's Delete) for as long as they stayed.
    <SonnerToaster position="bottom-right" richColors closeButton style={READABLE_COLORS} />
  );
}
