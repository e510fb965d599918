import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActivityList } from "@/components/tasks/activity-list";
import { BackToListLink } from "@/components/tasks/back-to-list-link";
import { describeActivity } from "@/components/tasks/activity-text";
import { StatusSelect } from "@/components/tasks/status-select";
import { TaskFacts } from "@/components/tasks/task-facts";
import { DeleteTaskButton } from "@/components/task-form/delete-task-button";
import { TaskForm } from "@/components/task-form/task-form";
import { navItemsFor } from "@/components/shell/nav-items";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-actor";
import { taskDraftKey } from "@/lib/client/task-draft-key";
import { can, canOnTask } from "@/lib/auth/policy";
import { ApiError } from "@/lib/http/errors";
import { assigneeNamesIn, getTask, listTaskActivity } from "@/lib/services/tasks";
import { listAssignableUsers } from "@/lib/services/user-queries";
import { listReturn } from "@/lib/client/task-return";
import { idFromText } from "@/lib/validation/id-text";
import { companyToday } from "@/lib/services/company-time";

type TaskPageProps = { params: Promise<{ id: string }> };

/** Changes the page lists, newest first: a history grows with every write, a page must not. */
const HISTORY_SHOWN = 100;

/** The page's reads, made once per request for both its title and its body. */
const readTaskPage = cache(async (idText: string) => {
  const actor = await requireActor();
  const id = idFromText(idText) ?? notFound();
  const loaded = await Promise.all([
    getTask(actor, id),
    listTaskActivity(actor, id, { order: "newest", limit: HISTORY_SHOWN }),
  ]).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  if (!loaded) notFound();
  const [task, activity] = loaded;
  return { actor, task, activity };
});

/** The tab and the history entry name the task, not just "Task". */
export async function generateMetadata({ params }: TaskPageProps): Promise<Metadata> {
  const { task } = await readTaskPage((await params).id);
  return { title: task.title };
}

export default async function TaskPage({ params }: TaskPageProps) {
  const { actor, task, activity } = await readTaskPage((await params).id);
  const ownership = { createdBy: task.created_by, assignedTo: task.assigned_to };
  const mayEdit = canOnTask(actor, "task.edit", ownership);
  const mayDelete = canOnTask(actor, "task.delete", ownership);
  const mayChangeStatus = canOnTask(actor, "task.changeStatus", ownership);
  const [users, names] = await Promise.all([
    mayEdit ? listAssignableUsers(actor) : [],
    assigneeNamesIn(activity.events),
  ]);
  const openPaths = navItemsFor(actor.role).map((item) => item.href);
  const history = activity.events.map((item) => ({
    id: item.id,
    at: item.created_at,
    who: item.actor?.full_name ?? "System",
    what: describeActivity(item, names),
  }));

  return (
    <>
      <BackToListLink
        taskId={task.id}
        openPaths={openPaths}
        fallback={listReturn(can(actor, "task.manage") ? "/tasks" : "/my-tasks")}
      />
      <PageHeader
        title={task.title}
        description={`Task #${task.id}`}
        actions={
          mayDelete ? (
            <DeleteTaskButton
              taskId={task.id}
              taskVersion={task.version}
              taskTitle={task.title}
              openPaths={openPaths}
            />
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-6">
          {mayEdit ? (
            <section aria-labelledby="edit-heading">
              <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
                Edit
              </h2>
              <TaskForm
                key={task.version}
                users={users}
                task={task}
                today={companyToday()}
                draftKey={taskDraftKey(actor.id, task.id)}
              />
            </section>
          ) : (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading" className="mb-2 text-lg font-semibold">
                Description
              </h2>
              <p className="rounded-lg border border-slate-200 bg-white p-4 break-words whitespace-pre-wrap">
                {task.description || "No description."}
              </p>
              {mayChangeStatus ? (
                <div className="mt-4">
                  <StatusSelect
                    taskId={task.id}
                    taskTitle={task.title}
                    status={task.status}
                    version={task.version}
                  />
                </div>
              ) : null}
            </section>
          )}
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">
              Activity
            </h2>
            <ActivityList items={history} />
            {activity.more ? (
              <p className="mt-3 text-sm text-slate-700">
                The {HISTORY_SHOWN} most recent changes are shown.{" "}
                {can(actor, "activity.readAll") ? (
                  <Link href={`/admin/activity?task=${task.id}`} className="underline">
                    See the whole history in the activity trail
                  </Link>
                ) : null}
              </p>
            ) : null}
          </section>
        </div>
        <aside aria-label="Details">
          <TaskFacts task={task} />
        </aside>
      </div>
    </>
  );
}
