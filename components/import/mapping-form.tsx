import {
  CSV_COLUMNS,
  CSV_MAPPED_REQUIRED_COLUMNS,
  type CsvColumn,
} from "@/lib/validation/bulk-csv";
import { inputClass } from "@/components/ui/button-styles";
import { namedOnce, type ColumnMapping } from "./csv-mapping";

/** Each of our columns in words, beside its name in the CSV (the sample's and the export's). */
const COLUMN_WORDS: Record<CsvColumn, string> = {
  title: "Title",
  description: "Description (empty: none)",
  assigned_to: "Assignee: user id or e-mail (empty: nobody)",
  status: "Status (empty: To do)",
  due_date: "Due date, YYYY-MM-DD",
  priority: "Priority (empty: Medium)",
};

/** Which of the file's columns feeds each of ours; needed when the names differ. */
export function MappingForm({
  fields,
  mapping,
  onChange,
}: {
  fields: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  // The server reads a column by its name: an unnamed one cannot be chosen, a repeated one is shown
  // once and cannot be chosen either (which of the two would it be?).
  const once = new Set(namedOnce(fields));
  const names = [...new Set(fields.filter((field) => field.trim() !== ""))];
  const choices = names.map((name) => ({ name, repeated: !once.has(name) }));
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">Match the columns</legend>
      <p className="mb-3 text-sm text-slate-700">
        Some columns differ from ours. Choose which column of your file holds each field. The title
        (*) must come from your file; a field left as “not in my file” is empty in every row.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {CSV_COLUMNS.map((column) => {
          const required = (CSV_MAPPED_REQUIRED_COLUMNS as readonly string[]).includes(column);
          return (
            <div key={column}>
              <label htmlFor={`map-${column}`} className="block text-sm font-medium">
                {COLUMN_WORDS[column]} <span className="font-mono text-xs">({column})</span>
                {required ? " *" : ""}
              </label>
              <select
                id={`map-${column}`}
                value={mapping[column]}
                onChange={(event) => onChange({ ...mapping, [column]: event.target.value })}
                className={inputClass}
              >
                <option value="">{required ? "— choose a column —" : "— not in my file —"}</option>
                {choices.map(({ name, repeated }) => (
                  <option key={name} value={name} disabled={repeated}>
                    {repeated ? `${name} (the file has more than one)` : name}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
