"use client";

import { forwardRef, type ComponentProps } from "react";

type Props = ComponentProps<"button"> & {
  /** Its work is under way: activations are ignored until it is done. */
  pending: boolean;
};

/**
 * A button whose work takes a moment. A disabled button drops keyboard focus to the page, so a
 * keyboard or screen-reader user would lose their place after every save; this one keeps focus,
 * says it is unavailable (aria-disabled) and ignores clicks, Enter and Space while `pending`.
 */
export const PendingButton = forwardRef<HTMLButtonElement, Props>(function PendingButton(
  { pending, onClick, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      {...props}
      aria-disabled={pending || props["aria-disabled"] || undefined}
      onClick={(event) => {
        // Also keeps a submit button from submitting its form again.
        if (pending) return event.preventDefault();
        onClick?.(event);
      }}
    />
  );
});
