import type { IncomingMessage, ServerResponse } from "node:http";
import type { DirectRoute } from "@/app/api/direct-routes";

export function findDirectRoute(
  routes: readonly DirectRoute[],
  method: string,
  url: string,
): { route: DirectRoute; params: Record<string, string> } | null;

export function createDirectApi(
  routes: readonly DirectRoute[],
  host: string,
  port: number,
): Promise<(request: IncomingMessage, response: ServerResponse) => boolean>;
