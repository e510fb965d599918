"use client";

import { forwardRef, type ComponentProps } from "react";
import { useHydrated } from "@/lib/client/use-hydrated";

type Props = ComponentProps<"button"> & {
  /** Its work is under way: activations are ignored until it is done. */
  pending: boolean;
};

/**
 * A button whose work takes a moment. A disabled button drops keyboard focus to the page, so a
 * keyboard or screen-reader user would lose their place after every save; this one keeps focus,
 * says it is unavailable (aria-disabled) and ignores clicks, Enter and Space while `pending`.
 * A submit button is disabled until the page's script runs: the browser would otherwise send the
 * form itself, as a GET with every field (a password too) in the address.
 */
export const PendingButton = forwardRef<HTMLButtonElement, Props>(function PendingButton(
  { pending, onClick, disabled, ...props },
  ref,
) {
  const hydrated = useHydrated();
  return (
    <button
      ref={ref}
      {...props}
      // A button with no type is a submit button too.
      disabled={disabled || (!hydrated && (props.type ?? "submit") === "submit")}
      aria-disabled={pending || props["aria-disabled"] || undefined}
      onClick={(event) => {
        // Also keeps a submit button from submitting its form again.
        if (pending) return event.preventDefault();
        onClick?.(event);
      }}
    />
  );
});
