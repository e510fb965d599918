import type { Metadata } from "next";
import { ProgressList } from "@/components/admin/progress-list";
import { StatusCards } from "@/components/admin/status-cards";
import { WeeklyChart } from "@/components/admin/weekly-chart";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-actor";
import { getOverview } from "@/lib/services/overview";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  const actor = await requireActor({ may: "overview.read" });
  const overview = await getOverview(actor);
  return (
    <>
      <PageHeader title="Overview" description="All work across the company, at a glance." />
      <div className="space-y-6">
        <StatusCards overview={overview} />
        <WeeklyChart weeks={overview.completed_per_week} />
        <div className="grid gap-6 lg:grid-cols-2">
          <ProgressList
            title="Tasks per creator"
            rows={overview.per_manager}
            filter="created_by"
            moreHref="/tasks"
            moreLabel="Filter the task table by manager"
          />
          <ProgressList
            title="Tasks per assignee"
            rows={overview.per_assignee}
            filter="assigned_to"
            moreHref="/tasks"
            moreLabel="Filter the task table by assignee"
          />
        </div>
      </div>
    </>
  );
}
