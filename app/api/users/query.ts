import { validationError } from "@/lib/http/errors";
import { listUsersQuerySchema, type ListUsersQuery } from "@/lib/validation/users";

export function parseListQuery(request: Request): ListUsersQuery {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = listUsersQuerySchema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, "Invalid query parameters.");
  return parsed.data;
}
