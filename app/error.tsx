"use client";

import Link from "next/link";

/** A page that failed to render: a calm message and a way to retry, never a stack trace. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">
        The page could not be shown. Try again; if it keeps failing, tell your administrator
        {error.digest ? ` and quote reference ${error.digest}` : ""}.
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 font-medium">
          Home
        </Link>
      </div>
    </main>
  );
}
