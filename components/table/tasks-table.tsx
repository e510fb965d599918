"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  useTransition,
  type MouseEvent,
} from "react";
import type { AssignableUser } from "@/components/task-form/assignee-field";
import { buttonSecondary } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { PAGING_PARAMS } from "@/lib/validation/paging-params";
import type { TaskDto } from "@/lib/validation/tasks";
import type { Role } from "@/lib/domain/enums";
import { emptyPageTitle, previousPage } from "@/components/ui/page-counts";
import { pageCountOf } from "@/lib/http/page-links";
import { BulkBar } from "./bulk-bar";
import { ColumnPicker } from "./column-picker";
import {
  defaultColumnVisibility,
  readColumnVisibility,
  saveColumnVisibility,
  subscribeColumnVisibility,
} from "./column-visibility-store";
import { PHONE_COLUMNS, SORTABLE, taskColumns } from "./task-columns";
import { focusAfterLoad, TASK_COUNT_ID, takeFocusAfterLoad } from "@/lib/client/focus-after-load";
import { isPlainClick } from "@/lib/client/plain-click";
import { useSettledChoice } from "@/lib/client/use-settled-choice";
import { useValueSetBeforeHydration } from "@/lib/client/use-value-set-before-hydration";

const phoneClass = (columnId: string) => (PHONE_COLUMNS.has(columnId) ? "" : "max-sm:hidden");

type Props = {
  tasks: TaskDto[];
  count: number;
  page: number;
  pageSize: number;
  ordering: string;
  /** The current URL's query (filters included), which sorting and paging build on. */
  query: Record<string, string>;
  users: AssignableUser[];
  /** The viewer, for the policy's say on what a bulk action may change. */
  actor: { id: number; role: Role };
};

function hrefWith(query: Record<string, string>, change: Record<string, string>): string {
  return `/tasks?${new URLSearchParams({ ...query, ...change }).toString()}`;
}

/** Whether any parameter but paging and ordering narrows the list. */
function filtered(query: Record<string, string>): boolean {
  return Object.entries(query).some(
    ([name, value]) => !PAGING_PARAMS.includes(name) && value !== "",
  );
}

/** The page sizes offered (the API's maximum is 100), and the URL's own if it is another. */
const PAGE_SIZES = [20, 50, 100];

function pageSizeChoices(current: number): number[] {
  return PAGE_SIZES.includes(current) ? PAGE_SIZES : [...PAGE_SIZES, current].sort((a, b) => a - b);
}

function sortingOf(ordering: string): SortingState {
  const desc = ordering.startsWith("-");
  return [{ id: desc ? ordering.slice(1) : ordering, desc }];
}

/** The manager's table: the server sorts, filters and pages; the URL holds that state. */
export function TasksTable({ tasks, count, page, pageSize, ordering, query, users, actor }: Props) {
  const router = useRouter();
  const columnVisibility = useSyncExternalStore(
    subscribeColumnVisibility,
    readColumnVisibility,
    defaultColumnVisibility,
  );
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [shownTasks, setShownTasks] = useState(tasks);
  // The page size picked, shown at once while its rows load (and arrow keys step on from it).
  const [chosenSize, setChosenSize] = useState(pageSize);
  // A new page, filter or refresh shows other rows: a selection never outlives the rows it chose.
  if (shownTasks !== tasks) {
    setShownTasks(tasks);
    setRowSelection({});
    setChosenSize(pageSize);
  }
  const [loading, startLoading] = useTransition();
  const sizeChoice = useSettledChoice("drop");
  const sorting = useMemo(() => sortingOf(ordering), [ordering]);
  const pageCount = pageCountOf(count, pageSize);

  // The app does not use the React Compiler; TanStack's instance is used as its docs describe.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: tasks,
    columns: taskColumns,
    getRowId: (task) => String(task.id),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount,
    enableMultiSort: false,
    state: { columnVisibility, rowSelection, sorting },
    onColumnVisibilityChange: (change) =>
      saveColumnVisibility(typeof change === "function" ? change(columnVisibility) : change),
    onRowSelectionChange: setRowSelection,
  });

  /** Shows other rows: the old ones stay, dimmed and marked busy, until the new ones come. */
  function load(href: string, focusId: string) {
    setRowSelection({});
    focusAfterLoad(focusId);
    startLoading(() => router.push(href));
  }

  function chooseSize(size: string) {
    setChosenSize(Number(size));
    sizeChoice.choose(() =>
      load(hrefWith(query, { page_size: size, page: "1" }), "task-page-size"),
    );
  }
  // Or the table would show a size its rows do not have.
  const sizeSelect = useRef<HTMLSelectElement>(null);
  useValueSetBeforeHydration(sizeSelect, String(chosenSize), chooseSize);

  /** A column's sort link: ascending first, then descending on a second activation. */
  function sortHref(id: string): string {
    const current = sorting[0];
    const next = current?.id === id && !current.desc ? `-${id}` : id;
    return hrefWith(query, { ordering: next, page: "1" });
  }

  /** A paging or sorting link's plain click loads in place, with the busy state; a new tab is a link's own. */
  function loadsInPlace(href: string, focusId: string) {
    return (event: MouseEvent<HTMLAnchorElement>) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      load(href, focusId);
    };
  }

  // After a bulk action the bar (and the button that had focus) goes: focus lands on the count.
  const countLine = useRef<HTMLParagraphElement>(null);
  // The control that loaded these rows takes focus back (focus-after-load.ts), or the count line
  // does where that control is gone ("Next page" on the last page).
  useEffect(() => {
    const id = takeFocusAfterLoad();
    if (id !== null) (document.getElementById(id) ?? countLine.current)?.focus();
  }, [tasks]);
  const previousHref = hrefWith(query, { page: String(previousPage(page, pageCount)) });
  const nextHref = hrefWith(query, { page: String(page + 1) });
  const selectedIds = Object.keys(rowSelection)
    .filter((id) => rowSelection[id])
    .map(Number);

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p
          id={TASK_COUNT_ID}
          ref={countLine}
          tabIndex={-1}
          className="text-sm text-slate-700"
          role="status"
        >
          {count.toLocaleString("en-US")} task{count === 1 ? "" : "s"}
          {page <= pageCount
            ? ` · page ${page.toLocaleString("en-US")} of ${pageCount.toLocaleString("en-US")}`
            : ""}
          {loading ? (
            <span className="ml-2 inline-flex items-center gap-1 text-slate-600">
              <span
                aria-hidden="true"
                className="size-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
              />
              Loading…
            </span>
          ) : null}
        </p>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            Rows per page
            <select
              id="task-page-size"
              ref={sizeSelect}
              value={chosenSize}
              // Not restored by the browser on Back: only a size picked here is loaded.
              autoComplete="off"
              onChange={(event) => chooseSize(event.target.value)}
              onBlur={sizeChoice.settleNow}
              className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
            >
              {pageSizeChoices(pageSize).map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          {/* A phone shows only PHONE_COLUMNS (those of them picked): nothing else to pick. */}
          <div className="max-sm:hidden">
            <ColumnPicker table={table} />
          </div>
        </div>
      </div>
      {selectedIds.length > 0 ? (
        <BulkBar
          selected={tasks
            .filter((task) => rowSelection[task.id])
            .map((task) => ({
              id: task.id,
              title: task.title,
              version: task.version,
              createdBy: task.created_by,
              assignedTo: task.assigned_to,
            }))}
          actor={actor}
          matching={
            selectedIds.length === tasks.length && count > tasks.length
              ? { count, query: new URLSearchParams(query).toString() }
              : null
          }
          users={users}
          onDone={() => {
            setRowSelection({});
            countLine.current?.focus();
          }}
          onLeaveOut={(ids) => {
            setRowSelection((current) =>
              Object.fromEntries(
                Object.entries(current).filter(([id]) => !ids.includes(Number(id))),
              ),
            );
            // Leaving every selected task out takes the bar, and its focused button, away.
            if (selectedIds.every((id) => ids.includes(id))) countLine.current?.focus();
          }}
        />
      ) : null}
      {tasks.length === 0 && count > 0 ? (
        <EmptyState title={emptyPageTitle(page, pageSize, count, "")}>
          <Link href={hrefWith(query, { page: String(pageCount) })} className="underline">
            Go to page {pageCount}
          </Link>
        </EmptyState>
      ) : tasks.length === 0 && !filtered(query) ? (
        <EmptyState title="No tasks yet.">
          <Link href="/tasks/new" className="underline">
            Create a task
          </Link>{" "}
          or{" "}
          <Link href="/tasks/import" className="underline">
            import a CSV file
          </Link>
          .
        </EmptyState>
      ) : tasks.length === 0 ? (
        <EmptyState title="No task matches these filters.">
          <Link href="/tasks" className="underline">
            Clear the filters
          </Link>{" "}
          or{" "}
          <Link href="/tasks/new" className="underline">
            create a task
          </Link>
          .
        </EmptyState>
      ) : (
        <div
          aria-busy={loading}
          className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity ${
            loading ? "opacity-60" : ""
          }`}
        >
          <table className="w-full text-left text-sm sm:min-w-[40rem]">
            <caption className="sr-only">Tasks, sortable by the column headers</caption>
            <thead className="bg-slate-100">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = sorting[0]?.id === header.id ? sorting[0] : undefined;
                    const label = flexRender(header.column.columnDef.header, header.getContext());
                    const sortLink = sortHref(header.id);
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={`px-3 py-2 font-semibold whitespace-nowrap ${phoneClass(header.id)}`}
                        aria-sort={sorted ? (sorted.desc ? "descending" : "ascending") : undefined}
                      >
                        {SORTABLE.has(header.id) ? (
                          // A link, so that sorting works before the script has run too.
                          <Link
                            id={`task-sort-${header.id}`}
                            href={sortLink}
                            onClick={loadsInPlace(sortLink, `task-sort-${header.id}`)}
                            className="inline-flex items-center gap-1 hover:underline"
                          >
                            {label}
                            <span aria-hidden="true">
                              {sorted ? (sorted.desc ? "▼" : "▲") : "↕"}
                            </span>
                          </Link>
                        ) : (
                          label
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  className={`border-t border-slate-200 ${row.getIsSelected() ? "bg-brand-50" : ""}`}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={`px-3 py-2 align-top ${phoneClass(cell.column.id)}`}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
        {page > 1 ? (
          <Link
            id="task-previous-page"
            href={previousHref}
            onClick={loadsInPlace(previousHref, "task-previous-page")}
            className={buttonSecondary}
          >
            {page > pageCount ? "Last page" : "Previous page"}
          </Link>
        ) : (
          <span />
        )}
        {page < pageCount ? (
          <Link
            id="task-next-page"
            href={nextHref}
            onClick={loadsInPlace(nextHref, "task-next-page")}
            className={buttonSecondary}
          >
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
