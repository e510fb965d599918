"use client";

import type { Table } from "@tanstack/react-table";
import { buttonSecondary } from "@/components/ui/button-styles";
import type { TaskDto } from "@/lib/validation/tasks";
import { useDismissableDisclosure } from "@/lib/client/use-dismissable-disclosure";
import { COLUMN_LABELS } from "./task-columns";

/**
 * Show or hide any column; a native disclosure keeps it keyboard-friendly. It closes as a menu
 * does: a click elsewhere, Tab past its last box, or Escape.
 */
export function ColumnPicker({ table }: { table: Table<TaskDto> }) {
  const picker = useDismissableDisclosure();
  return (
    <details {...picker.props} className="relative">
      <summary className={`${buttonSecondary} cursor-pointer list-none`}>Columns</summary>
      <fieldset className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {table
          .getAllLeafColumns()
          .filter((col) => col.getCanHide())
          .map((col) => (
            <label key={col.id} className="flex items-center gap-2 py-1 text-sm">
              <input
                type="checkbox"
                className="h-4 w-4"
                checked={col.getIsVisible()}
                onChange={col.getToggleVisibilityHandler()}
              />
              {COLUMN_LABELS[col.id] ?? col.id}
            </label>
          ))}
      </fieldset>
    </details>
  );
}
