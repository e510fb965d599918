import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/** Unknown pages, and tasks outside the visitor's view (404, never a hint that they exist). */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold tracking-wide text-slate-700 uppercase">404</p>
      <h1 className="text-2xl font-semibold">We could not find that page</h1>
      <p className="text-slate-600">
        It may have been moved or deleted, or it is not shared with you.
      </p>
      <Link
        href="/"
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Go to my home page
      </Link>
    </main>
  );
}
