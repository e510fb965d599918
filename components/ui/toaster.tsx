"use client";

import { Toaster as SonnerToaster } from "sonner";

/** One place for toasts: success and failure messages of every dashboard action. */
export function Toaster() {
  return <SonnerToaster position="top-right" richColors closeButton />;
}
