import { CSV_COLUMNS, CSV_REQUIRED_COLUMNS } from "@/lib/validation/bulk-csv";
import { inputClass } from "@/components/ui/button-styles";
import type { ColumnMapping } from "./csv-mapping";

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
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">Match the columns</legend>
      <p className="mb-3 text-sm text-slate-700">
        Some column names differ from ours. Choose which column of your file holds each field;
        fields marked * are required.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {CSV_COLUMNS.map((column) => {
          const required = (CSV_REQUIRED_COLUMNS as readonly string[]).includes(column);
          return (
            <div key={column}>
              <label htmlFor={`map-${column}`} className="block text-sm font-medium">
                {column}
                {required ? " *" : ""}
              </label>
              <select
                id={`map-${column}`}
                value={mapping[column]}
                onChange={(event) => onChange({ ...mapping, [column]: event.target.value })}
                className={inputClass}
              >
                <option value="">— not in my file —</option>
                {fields.map((field) => (
                  <option key={field} value={field}>
                    {field}
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
