import { READ_ONLY_TASK_FIELDS } from "@/lib/validation/tasks";
import { READ_ONLY_ON_CREATE, READ_ONLY_ON_UPDATE } from "@/lib/validation/users";

type Json = Record<string, unknown>;

/**
 * The bodies that may carry a resource as GET returned it, and the fields the server strips from
 * each (lib/validation/tasks.ts, lib/validation/users.ts).
 */
const IGNORED: [schema: string, fields: ReadonlySet<string>, resource: string][] = [
  ["TaskCreate", READ_ONLY_TASK_FIELDS, "task"],
  ["TaskUpdate", READ_ONLY_TASK_FIELDS, "task"],
  ["TaskReplace", READ_ONLY_TASK_FIELDS, "task"],
  ["UserCreate", READ_ONLY_ON_CREATE, "user"],
  ["UserUpdate", READ_ONLY_ON_UPDATE, "user"],
];

/**
 * Lists the read-only fields in the write bodies, marked `readOnly`: the server accepts and
 * ignores them, so a client or gateway that checks a body against the document must accept them
 * too, while `additionalProperties: false` still refuses any other unknown field.
 */
export function documentIgnoredReadOnlyFields(schemas: Record<string, Json>): void {
  for (const [name, fields, resource] of IGNORED) {
    const properties = schemas[name]?.properties as Json | undefined;
    if (!properties) throw new Error(`OpenAPI: no ${name} schema to document read-only fields in`);
    for (const field of fields) {
      properties[field] = {
        readOnly: true,
        description: `A ${resource}'s read-only field, as GET returns it: accepted and ignored.`,
      };
    }
  }
}
