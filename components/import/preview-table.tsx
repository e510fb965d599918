import type { CsvPreview } from "./csv-mapping";

/** The file as the browser read it: its columns and first rows, before anything is sent. */
export function PreviewTable({ preview, fileName }: { preview: CsvPreview; fileName: string }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-2">
      <h2
        id="preview-heading"
        tabIndex={-1}
        aria-describedby="preview-counts"
        className="text-lg font-semibold break-words"
      >
        Preview of {fileName}
      </h2>
      <p id="preview-counts" className="text-sm text-slate-700">
        {preview.fields.length} column{preview.fields.length === 1 ? "" : "s"} detected,{" "}
        {preview.rowCount} row{preview.rowCount === 1 ? "" : "s"}.
        {preview.rows.length < preview.rowCount
          ? ` The first ${preview.rows.length} are shown.`
          : ""}
      </p>
      {/* Focusable, so that a keyboard can scroll a file wider than the screen. */}
      <div
        tabIndex={0}
        role="region"
        aria-label="First rows of the file"
        className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">First rows of the file</caption>
          <thead className="bg-slate-100">
            <tr>
              {preview.fields.map((field, index) => (
                <th key={index} scope="col" className="px-3 py-2 whitespace-nowrap">
                  {field || "(no name)"}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="border-t border-slate-200">
                {preview.fields.map((_, index) => (
                  <td key={index} className="max-w-xs truncate px-3 py-2">
                    {row[index] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
