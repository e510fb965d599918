import type { NextRequest } from "next/server";
import * as taskList from "./tasks/route";
import * as oneTask from "./tasks/[id]/route";

/**
 * A route handler that `npm start` calls itself, without Next's router (lib/cli/direct-api.mjs):
 * the integrators' busiest requests, where the router cost more CPU than the work (README,
 * Performance). `path` matches the path alone; its named groups are the segment's params, as
 * Next passes them. Anything it does not match, HEAD and OPTIONS included, goes to Next.
 */
export type DirectRoute = {
  method: string;
  path: RegExp;
  handler(
    request: NextRequest,
    segment: { params: Promise<Record<string, string>> },
  ): Promise<Response>;
};

const TASK_LIST = /^\/api\/tasks\/?$/;
// Digits only: any other id (a %-escape, say) is Next's to decode and answer.
const ONE_TASK = /^\/api\/tasks\/(?<id>\d+)\/?$/;

export const DIRECT_ROUTES: readonly DirectRoute[] = [
  { method: "GET", path: TASK_LIST, handler: taskList.GET },
  { method: "POST", path: TASK_LIST, handler: taskList.POST },
  { method: "GET", path: ONE_TASK, handler: oneTask.GET },
  { method: "PUT", path: ONE_TASK, handler: oneTask.PUT },
  { method: "PATCH", path: ONE_TASK, handler: oneTask.PATCH },
  { method: "DELETE", path: ONE_TASK, handler: oneTask.DELETE },
];
