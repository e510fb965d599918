import type { MouseEvent } from "react";

/**
 * A click a link follows in this tab: the main button and no modifier. Ctrl, Cmd, Shift, Alt or
 * the middle button open a new tab or window (or download), and this page stays as it is.
 */
export function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
