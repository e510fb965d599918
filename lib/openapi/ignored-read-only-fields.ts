import { READ_ONLY_TASK_FIELDS } from "@/lib/validation/tasks";

type Json = Record<string, unknown>;

/** The bodies that may carry a task as GET returned it (lib/validation/tasks.ts strips those fields). */
const TASK_WRITE_SCHEMAS = ["TaskCreate", "TaskUpdate", "TaskReplace"];

/**
 * Lists a task's read-only fields in its write bodies, marked `readOnly`: the server accepts and
 * ignores them, so a client or gateway that checks a body against the document must accept them
 * too, while `additionalProperties: false` still refuses any other unknown field.
 */
export function documentIgnoredReadOnlyFields(schemas: Record<string, Json>): void {
  for (const name of TASK_WRITE_SCHEMAS) {
    const properties = schemas[name]?.properties as Json | undefined;
    if (!properties) throw new Error(`OpenAPI: no ${name} schema to document read-only fields in`);
    for (const field of READ_ONLY_TASK_FIELDS) {
      properties[field] = {
        readOnly: true,
        description: "A task's read-only field, as GET returns it: accepted and ignored.",
      };
    }
  }
}
