import { validationError } from "@/lib/http/errors";
import { userIdSchema } from "@/lib/validation/tasks";
import { listUsersQuerySchema, type ListUsersQuery } from "@/lib/validation/users";

export function parseListQuery(request: Request): ListUsersQuery {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = listUsersQuerySchema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, "Invalid query parameters.");
  return parsed.data;
}

export function parseUserId(raw: string): number {
  const parsed = userIdSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "Invalid user id.");
  return parsed.data;
}
