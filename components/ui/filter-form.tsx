"use client";

import type { ComponentProps } from "react";
import { buttonSecondary } from "@/components/ui/button-styles";
import { focusAfterLoad } from "@/lib/client/focus-after-load";

type FilterFormProps = Omit<ComponentProps<"form">, "onSubmit"> & {
  /** The element that says what the filters found: keyboard focus goes there after Apply. */
  resultsId?: string;
  /** How many filters the page's address applies, said on the phone's Show filters control. */
  applied: number;
};

/**
 * A GET filter form (it works without script: the filters live in the URL). Applying it loads a
 * new page, which would start keyboard focus at the top again: with `resultsId`, that element
 * (the count of what it found) takes focus on the new page instead. On a phone the form starts
 * folded in a native `<details>`, so the tasks are not pushed below the first screen and it opens
 * before the page's script has run. Wider screens show it unfolded, in browsers that can style
 * `::details-content` (2025 on); older ones keep the fold there too, so the form stays reachable.
 */
export function FilterForm({ resultsId, applied, className, ...formProps }: FilterFormProps) {
  const count = applied > 0 ? ` (${applied} applied)` : "";
  return (
    // The browser may open it before React takes over: `open` is then not React's to warn about.
    <details
      suppressHydrationWarning
      className="group/filters sm:details-content:block sm:details-content:[content-visibility:visible]"
    >
      <summary
        className={`${buttonSecondary} mb-4 cursor-pointer list-none supports-[selector(::details-content)]:sm:hidden [&::-webkit-details-marker]:hidden`}
      >
        <span className="group-open/filters:hidden">Show filters{count}</span>
        <span className="hidden group-open/filters:inline">Hide filters{count}</span>
      </summary>
      <form
        {...formProps}
        // Back to this page, the browser would restore what was typed before leaving, over the
        // filters the page applies; these boxes show the applied ones, and no value is worth
        // remembering.
        autoComplete="off"
        ref={dropEmptyFieldsOnSubmit}
        className={className}
        onSubmit={() => (resultsId ? focusAfterLoad(resultsId) : undefined)}
      />
    </details>
  );
}

/** Filters left empty stay out of the address: "?priority=HIGH", not "?search=&priority=HIGH". */
function dropEmptyFieldsOnSubmit(form: HTMLFormElement | null) {
  form?.addEventListener("formdata", dropEmptyFields);
  return () => form?.removeEventListener("formdata", dropEmptyFields);
}

function dropEmptyFields({ formData }: FormDataEvent): void {
  const kept = [...formData].filter(([, value]) => value !== "");
  for (const name of new Set(formData.keys())) formData.delete(name);
  for (const [name, value] of kept) formData.append(name, value);
}
