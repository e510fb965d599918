import type { Metadata } from "next";
import { TaskForm } from "@/components/task-form/task-form";
import { taskDraftKey } from "@/lib/client/task-draft-key";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-actor";
import { listAssignableUsers } from "@/lib/services/user-queries";
import { companyToday } from "@/lib/services/company-time";

export const metadata: Metadata = { title: "New task" };

export default async function NewTaskPage() {
  const actor = await requireActor({ may: "task.create" });
  const users = await listAssignableUsers(actor, {});
  return (
    <>
      <PageHeader title="New task" description="Describe the work and choose who does it." />
      <TaskForm users={users} today={companyToday()} draftKey={taskDraftKey(actor.id, null)} />
    </>
  );
}
