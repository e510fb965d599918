"use server";

import { revalidatePath } from "next/cache";
import type { TaskStatus } from "@/lib/domain/enums";
import { updateTask } from "@/lib/services/tasks";
import {
  taskIdSchema,
  taskStatusSchema,
  taskVersionSchema,
  type TaskDto,
} from "@/lib/validation/tasks";
import { asActor, type ActionResult } from "./result";

/** One status change, from My tasks, the board or a task's page; the service asks the policy. */
export async function changeTaskStatusAction(
  taskId: number,
  status: TaskStatus,
  expectedVersion: number,
): Promise<ActionResult<TaskDto>> {
  return asActor({ action: "changeTaskStatus" }, async (actor) => {
    const task = await updateTask(
      actor,
      taskIdSchema.parse(taskId),
      { status: taskStatusSchema.parse(status) },
      { expectedVersions: [taskVersionSchema.parse(expectedVersion)] },
    );
    revalidatePath("/", "layout");
    return task;
  });
}
