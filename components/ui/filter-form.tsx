"use client";

import { useId, useState, type ComponentProps } from "react";
import { buttonSecondary } from "@/components/ui/button-styles";
import { focusAfterLoad } from "@/lib/client/focus-after-load";

type FilterFormProps = Omit<ComponentProps<"form">, "onSubmit" | "id"> & {
  /** The element that says what the filters found: keyboard focus goes there after Apply. */
  resultsId?: string;
  /** How many filters the page's address applies, said on the phone's Show filters button. */
  applied: number;
};

/**
 * A GET filter form (it works without script: the filters live in the URL). Applying it loads a
 * new page, which would start keyboard focus at the top again: with `resultsId`, that element
 * (the count of what it found) takes focus on the new page instead. On a phone the form starts
 * folded behind a button, so the tasks are not pushed below the first screen.
 */
export function FilterForm({ resultsId, applied, className, ...formProps }: FilterFormProps) {
  const formId = useId();
  const [shown, setShown] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={formId}
        onClick={() => setShown((value) => !value)}
        className={`${buttonSecondary} mb-4 sm:hidden`}
      >
        {shown ? "Hide filters" : "Show filters"}
        {applied > 0 ? ` (${applied} applied)` : ""}
      </button>
      <form
        {...formProps}
        id={formId}
        className={`${className ?? ""} ${shown ? "" : "max-sm:hidden"}`}
        onSubmit={() => (resultsId ? focusAfterLoad(resultsId) : undefined)}
      />
    </>
  );
}
