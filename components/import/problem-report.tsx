import type { RowProblem } from "./upload";

/**
 * Whether the failed request may have saved anything: a refusal (4xx) saved nothing; an import
 * whose answer was lost or broke (no answer, 5xx) may have been saved.
 */
export type Outcome = "nothing-saved" | "unknown";

/**
 * A file-wide problem (say, not UTF-8, or a refused header) comes as one row that repeats the
 * heading: worth a table only for a line number the heading does not give.
 */
function onlyRepeats(detail: string, problems: RowProblem[]): boolean {
  const [only] = problems;
  if (problems.length !== 1 || only!.message !== detail) return false;
  return only!.line === 1 || detail.includes(`line ${only!.line}`);
}

/**
 * What to do next: only a refusal of the file itself asks for another file. That nothing was
 * imported is said once: the server's own heading often says it already.
 */
function adviceFor(status: number, outcome: Outcome, detail: string): string {
  const nothing = /nothing was imported/i.test(detail) ? "" : "Nothing was imported. ";
  if (outcome === "unknown") {
    return "The import may have been saved before its answer was lost. Retry it with “Retry the import”: the server recognises the same import and never saves its tasks twice. Choosing the file again would start a new import.";
  }
  if (status === 400 || status === 413 || status === 415) {
    return `${nothing}Fix the file and choose it again.`;
  }
  if (status === 401) {
    return `${nothing}Sign in again in a new tab, then try again here: the file stays chosen.`;
  }
  if (status === 0) {
    return `${nothing}Check the connection, then try again: the file stays chosen.`;
  }
  return `${nothing}Try again in a moment: the file stays chosen.`;
}

/** The server's report: every bad row by line, with its reason, and what became of the file. */
export function ProblemReport({
  detail,
  status,
  problems,
  totalProblems,
  outcome,
}: {
  detail: string;
  /** The answer's HTTP status; 0 when none came. */
  status: number;
  problems: RowProblem[];
  totalProblems: number;
  outcome: Outcome;
}) {
  // Only the verdict and what to do next are announced; a report of 1,000 rows is read at will.
  return (
    <section
      aria-labelledby="problems-heading"
      className="rounded-lg border border-red-300 bg-red-50 p-4"
    >
      <div role="alert">
        <h2 id="problems-heading" tabIndex={-1} className="font-semibold text-red-900">
          {detail}
        </h2>
        <p className="mt-1 text-sm text-red-900">{adviceFor(status, outcome, detail)}</p>
      </div>
      {problems.length > 0 && !onlyRepeats(detail, problems) ? (
        // Focusable, so that a keyboard can scroll a report wider than a phone.
        <div
          tabIndex={0}
          role="region"
          aria-label="Rows with problems"
          className="relative mt-3 overflow-x-auto"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Rows with problems</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Line
                </th>
                <th scope="col" className="py-1 pr-3">
                  Problem
                </th>
                <th scope="col" className="py-1 pr-3">
                  Column
                </th>
                <th scope="col" className="py-1">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={index} className="border-t border-red-200">
                  <td className="whitespace-nowrap py-1 pr-3 align-top">Line {problem.line}</td>
                  <td className="min-w-48 py-1 pr-3 align-top">{problem.message}</td>
                  <td className="py-1 pr-3 align-top break-all">{problem.column ?? "—"}</td>
                  <td className="max-w-xs truncate py-1 align-top">{problem.value ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {totalProblems > problems.length ? (
            <p className="mt-2 text-sm text-red-900">
              The first {problems.length.toLocaleString("en-US")} of{" "}
              {totalProblems.toLocaleString("en-US")} problems are listed.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
