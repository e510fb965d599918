"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { PendingButton } from "@/components/ui/pending-button";

/** A page that failed to render: a calm message and a way to retry, never a stack trace. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  const [retrying, startTransition] = useTransition();
  // reset() alone renders the failed page again from what the browser already has; a failure on
  // the server (the database out of reach for a moment) needs the page fetched again, too.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">
        The page could not be shown. Try again; if it keeps failing, tell your administrator
        {error.digest ? ` and quote reference ${error.digest}` : ""}.
      </p>
      <div className="flex gap-2">
        <PendingButton
          type="button"
          pending={retrying}
          onClick={retry}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          {retrying ? "Trying again…" : "Try again"}
        </PendingButton>
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 font-medium">
          Home
        </Link>
      </div>
    </main>
  );
}
