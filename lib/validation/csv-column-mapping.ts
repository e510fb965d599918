// Kept apart from bulk-csv.ts, whose column names the import page's client bundle uses: zod
// stays out of that bundle.
import { z } from "zod";
import { CSV_COLUMNS, CSV_MAPPED_REQUIRED_COLUMNS, type CsvColumn } from "./bulk-csv";

/**
 * Which of the file's columns (by header name) feeds each of ours, for a file whose names differ
 * (a spreadsheet's "Name, Notes, Assignee, State"). The title must be chosen; another column left
 * out is empty in every row.
 */
export const csvColumnMappingSchema = z
  .object(
    Object.fromEntries(
      CSV_COLUMNS.map((column) => [column, z.string().trim().min(1).max(200).optional()]),
    ) as Record<CsvColumn, z.ZodOptional<z.ZodString>>,
  )
  .strict()
  .refine(
    (mapping) => CSV_MAPPED_REQUIRED_COLUMNS.every((column) => mapping[column] !== undefined),
    { message: `Choose a column for each of ${CSV_MAPPED_REQUIRED_COLUMNS.join(", ")}.` },
  )
  .refine(
    (mapping) => {
      const chosen = Object.values(mapping).map((name) => name!.toLowerCase());
      return new Set(chosen).size === chosen.length;
    },
    { message: "Choose a different column of the file for each of ours." },
  );
