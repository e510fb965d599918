"use client";

import type { ComponentProps } from "react";
import { focusAfterLoad } from "@/lib/client/focus-after-load";

/**
 * A GET filter form (it works without script: the filters live in the URL). Applying it loads a
 * new page, which would start keyboard focus at the top again: with `resultsId`, that element
 * (the count of what it found) takes focus on the new page instead.
 */
export function FilterForm({
  resultsId,
  ...formProps
}: Omit<ComponentProps<"form">, "onSubmit"> & { resultsId?: string }) {
  return (
    <form {...formProps} onSubmit={() => (resultsId ? focusAfterLoad(resultsId) : undefined)} />
  );
}
