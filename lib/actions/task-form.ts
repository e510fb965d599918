"use server";

import { revalidatePath } from "next/cache";
import { validationError } from "@/lib/http/errors";
import { createTask, deleteTask, updateTask } from "@/lib/services/tasks";
import {
  createTaskSchema,
  taskIdSchema,
  taskVersionSchema,
  updateTaskSchema,
  type TaskDto,
} from "@/lib/validation/tasks";
import { asActor, type ActionResult } from "./result";

/** The form's values are validated again here: the browser's check is a courtesy, this one counts. */
export async function createTaskAction(input: unknown): Promise<ActionResult<TaskDto>> {
  return asActor({ action: "createTask", may: "task.create" }, async (actor) => {
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
  return asActor({ action: "updateTask" }, async (actor) => {
    const parsed = updateTaskSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const task = await updateTask(actor, taskIdSchema.parse(taskId), parsed.data, {
      expectedVersions: [taskVersionSchema.parse(expectedVersion)],
    });
    revalidatePath("/", "layout");
    return task;
  });
}

/** `expectedVersion`: the version the confirmation named; a task changed since is not deleted. */
export async function deleteTaskAction(
  taskId: number,
  expectedVersion: number,
): Promise<ActionResult<null>> {
  return asActor({ action: "deleteTask" }, async (actor) => {
    await deleteTask(actor, taskIdSchema.parse(taskId), {
      expectedVersions: [taskVersionSchema.parse(expectedVersion)],
    });
    revalidatePath("/", "layout");
    return null;
  });
}
