"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/page-actor";
import { validationError } from "@/lib/http/errors";
import { createTask, deleteTask, updateTask } from "@/lib/services/tasks";
import {
  createTaskSchema,
  taskIdSchema,
  taskVersionSchema,
  updateTaskSchema,
  type TaskDto,
} from "@/lib/validation/tasks";
import { toActionResult, type ActionResult } from "./result";

/** The form's values are validated again here: the browser's check is a courtesy, this one counts. */
export async function createTaskAction(input: unknown): Promise<ActionResult<TaskDto>> {
  const actor = await requireActor({ may: "task.create" });
  return toActionResult(async () => {
    const parsed = createTaskSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const task = await createTask(actor, parsed.data);
    revalidatePath("/", "layout");
    return task;
  });
}

export async function updateTaskAction(
  taskId: number,
  input: unknown,
  expectedVersion: number,
): Promise<ActionResult<TaskDto>> {
  const actor = await requireActor();
  return toActionResult(async () => {
    const parsed = updateTaskSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const task = await updateTask(actor, taskIdSchema.parse(taskId), parsed.data, {
      expectedVersions: [taskVersionSchema.parse(expectedVersion)],
    });
    revalidatePath("/", "layout");
    return task;
  });
}

export async function deleteTaskAction(taskId: number): Promise<ActionResult<null>> {
  const actor = await requireActor();
  return toActionResult(async () => {
    await deleteTask(actor, taskIdSchema.parse(taskId));
    revalidatePath("/", "layout");
    return null;
  });
}
