import type { RowProblem } from "./upload";

/** The server's dry-run report: every bad row by line, with its reason. */
export function ProblemReport({ detail, problems }: { detail: string; problems: RowProblem[] }) {
  return (
    <section
      role="alert"
      aria-labelledby="problems-heading"
      className="rounded-lg border border-red-300 bg-red-50 p-4"
    >
      <h2 id="problems-heading" className="font-semibold text-red-900">
        {detail}
      </h2>
      {problems.length > 0 ? (
        <div className="relative mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Rows with problems</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Line
                </th>
                <th scope="col" className="py-1 pr-3">
                  Column
                </th>
                <th scope="col" className="py-1 pr-3">
                  Value
                </th>
                <th scope="col" className="py-1">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={index} className="border-t border-red-200">
                  <td className="py-1 pr-3">Line {problem.line}</td>
                  <td className="py-1 pr-3">{problem.column ?? "—"}</td>
                  <td className="max-w-xs truncate py-1 pr-3">{problem.value ?? ""}</td>
                  <td className="py-1">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="mt-3 text-sm text-red-900">
        Nothing was imported. Fix the file and choose it again.
      </p>
    </section>
  );
}
