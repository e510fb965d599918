import type { Instrumentation } from "next";
import type { DirectRoute } from "@/app/api/direct-routes";
import { STARTUP_REFUSED } from "@/lib/cli/exit-codes.mjs";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";

/**
 * Set for npm start (lib/cli/start.mjs): the checks it awaits before it listens, and the routes it
 * then answers without Next's router (DIRECT_API).
 */
const startup = globalThis as typeof globalThis & {
  etumsStartup?: Promise<void>;
  etumsDirectRoutes?: readonly DirectRoute[];
};

/**
 * Once per server process: a production server without its secrets, unable to write its log
 * file, or against a database that refuses it or lacks some of its migrations, stops here, saying
 * why; uploads that a stopped server left spooled on disk are removed.
 */
export async function startServerProcess(): Promise<void> {
  startup.etumsStartup ??= checkBeforeServing();
  await startup.etumsStartup;
}

function refuse(reason: string): never {
  console.error(`ETUMS cannot start: ${reason}`);
  process.exit(STARTUP_REFUSED);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function checkBeforeServing(): Promise<void> {
  try {
    config();
  } catch (error) {
    refuse(messageOf(error));
  }
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    logger();
  } catch (error) {
    refuse(`cannot write the log file LOG_FILE=${config().LOG_FILE}: ${messageOf(error)}.`);
  }
  const { checkDatabaseAtStartup } = await import("@/lib/services/startup-database");
  const refusal = await checkDatabaseAtStartup();
  if (refusal) refuse(refusal);
  const { removeStaleSpools } = await import("@/lib/http/spooled-upload");
  void removeStaleSpools().catch(() => undefined);
  // The instrumentation bundle holds its own copy of these modules: what must be one per process
  // (the pool, the logger, the rate limiters) is kept on globalThis; caches are merely per copy.
  if (config().DIRECT_API && process.env.NODE_ENV === "production") {
    startup.etumsDirectRoutes = (await import("@/app/api/direct-routes")).DIRECT_ROUTES;
  }
}

/**
 * A page or server action that failed: one JSON line in LOG_FILE, as an API failure gets (the
 * API's handlers answer their own errors), instead of text on stderr only. The query string is
 * left out: it may carry what the log must not.
 */
export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  logger().error(
    {
      err: error,
      method: request.method,
      path: request.path.split("?", 1)[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
