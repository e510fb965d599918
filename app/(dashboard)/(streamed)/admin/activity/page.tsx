import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFilters } from "@/components/admin/activity-filters";
import { ActivityTable } from "@/components/admin/activity-table";
import { nameWithEmail } from "@/components/admin/format";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { emptyPageTitle } from "@/components/ui/page-counts";
import { EmptyState } from "@/components/ui/empty-state";
import { ResultsCount } from "@/components/ui/results-count";
import { ACTIVITY_COUNT_ID } from "@/lib/client/focus-after-load";
import { PageHeader } from "@/components/ui/page-header";
import { ignoredFiltersMessage, parseLeavingOutInvalid } from "@/lib/pages/lenient-query";
import { paramValue, type PageSearchParams } from "@/lib/pages/search-params";
import { requireActor } from "@/lib/auth/page-actor";
import { pageCountOf } from "@/lib/http/page-links";
import { listActivityTrail, listTrailActors } from "@/lib/services/activity-trail";
import { activityTrailQuerySchema } from "@/lib/validation/activity-trail";

/** The filters as the page's boxes name them. */
const ACTIVITY_FILTER_LABELS: Record<string, string> = {
  actor: "Who",
  task: "Task number",
  subject: "About",
  kind: "What",
  from: "From",
  to: "To",
  page: "Page",
  page_size: "Rows per page",
};

export const metadata: Metadata = { title: "Activity" };

const FILTERS = ["actor", "task", "subject", "kind", "from", "to", "page"] as const;

export default async function AdminActivityPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const actor = await requireActor({ may: "activity.readAll" });
  const params = await searchParams;
  const raw: Record<string, string> = Object.fromEntries(
    FILTERS.flatMap((name) => {
      const value = paramValue(params, name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  // Values the schema refused (and the page says so) are left out of the boxes and the links.
  const { data: query, applied, ignored } = parseLeavingOutInvalid(activityTrailQuerySchema, raw);
  const ignoredMessage = ignoredFiltersMessage(ignored, ACTIVITY_FILTER_LABELS);
  const [page, people] = await Promise.all([
    listActivityTrail(actor, query),
    listTrailActors(actor),
  ]);
  const subject = people.find((person) => person.id === query.subject);
  const filters = new URLSearchParams(
    Object.entries(applied).filter(([name]) => name !== "page"),
  ).toString();
  // What the trail was filtered by: a value refused above (and said so) filtered nothing.
  const filtered = FILTERS.some((name) => name !== "page" && query[name] !== undefined);
  const filtersWithout = (name: string) => {
    const rest = new URLSearchParams(
      Object.entries(applied).filter(([key]) => key !== "page" && key !== name),
    ).toString();
    return rest ? `?${rest}` : "";
  };

  return (
    <>
      <PageHeader
        title="Activity"
        description="Every task event and every user-administration event: who did what, when, before → after."
      />
      <ActivityFilters values={applied} people={people} />
      {query.subject === undefined ? null : (
        <p className="mb-4 text-sm text-slate-700">
          Showing what happened to{" "}
          <strong>{subject ? nameWithEmail(subject) : `user #${query.subject}`}</strong>.{" "}
          <Link
            href={`/admin/activity${filtersWithout("subject")}`}
            className="text-brand-700 underline"
          >
            Show events about everyone
          </Link>
        </p>
      )}
      {ignoredMessage ? (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {ignoredMessage}
        </p>
      ) : null}
      <ResultsCount
        id={ACTIVITY_COUNT_ID}
        page={page.page}
        pages={pageCountOf(page.count, page.page_size)}
      >
        {page.count.toLocaleString("en-US")} {page.count === 1 ? "event" : "events"}
        {filtered ? (page.count === 1 ? " matches these filters." : " match these filters.") : "."}
      </ResultsCount>
      {page.results.length === 0 ? (
        <EmptyState
          title={emptyPageTitle(
            page.page,
            page.page_size,
            page.count,
            filtered ? "No activity matches these filters." : "Nothing has happened yet.",
          )}
        >
          {filtered && page.count === 0 ? (
            <Link href="/admin/activity" className="underline">
              Show all activity
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <ActivityTable
          entries={page.results}
          names={new Map(people.map((person) => [person.id, person.full_name]))}
        />
      )}
      <PaginationNav
        label="Activity pages"
        resultsId={ACTIVITY_COUNT_ID}
        page={page.page}
        pageSize={page.page_size}
        count={page.count}
        query={filters}
        basePath="/admin/activity"
      />
    </>
  );
}
