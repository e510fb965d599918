import { validationError } from "@/lib/http/errors";
import { listUsersQuerySchema, type ListUsersQuery } from "@/lib/validation/users";

export function parseListQuery(request: Request): ListUsersQuery {
  // An empty filter (?role=) means "no filter", as for tasks and in DRF's django-filter.
  const params = Object.fromEntries(
    [...new URL(request.url).searchParams].filter(([, value]) => value.trim() !== ""),
  );
  const parsed = listUsersQuerySchema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, "Invalid query parameters.");
  return parsed.data;
}
