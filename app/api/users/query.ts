import { validationError } from "@/lib/http/errors";
import { queryValues } from "@/lib/validation/query-values";
import { listUsersQuerySchema, type ListUsersQuery } from "@/lib/validation/users";

export function parseListQuery(request: Request): ListUsersQuery {
  const parsed = listUsersQuerySchema.safeParse(queryValues(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error, "Invalid query parameters.");
  return parsed.data;
}
