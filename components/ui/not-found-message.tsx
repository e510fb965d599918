import Link from "next/link";

/**
 * The 404 message. Inside the dashboard it is a section of the shell's <main>; on its own (an
 * unknown address outside the dashboard) it is the page's <main>.
 */
export function NotFoundMessage({ standalone }: { standalone: boolean }) {
  const Wrapper = standalone ? "main" : "section";
  return (
    <Wrapper
      aria-labelledby="not-found-heading"
      className={`mx-auto flex max-w-md flex-col items-center justify-center gap-4 p-6 text-center ${
        standalone ? "min-h-screen" : "py-16"
      }`}
    >
      <p className="text-sm font-semibold tracking-wide text-slate-700 uppercase">404</p>
      <h1 id="not-found-heading" className="text-2xl font-semibold">
        We could not find that page
      </h1>
      <p className="text-slate-600">
        It may have been moved or deleted, or it is not shared with you.
      </p>
      <Link
        href="/"
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
      >
        Go to my home page
      </Link>
    </Wrapper>
  );
}
