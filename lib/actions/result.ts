import { headers } from "next/headers";
import type { Logger } from "pino";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/page-actor";
import type { GlobalAction } from "@/lib/auth/policy";
import { ApiError, unavailable, validationError } from "@/lib/http/errors";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/http/request-id";
import { logger } from "@/lib/logger";
import { enforceActionRateLimit } from "@/lib/security/rate-limit";
import { databaseUnavailability } from "@/lib/services/database-errors";

export type FormFieldError = { field: string; message: string };

/** What a server action hands back to the browser: data, or the service's refusal in words. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fieldErrors: FormFieldError[] };

function fieldErrorsOf(error: ApiError): FormFieldError[] {
  const errors = error.extra.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { field, message } = item as { field?: unknown; message?: unknown };
    return typeof field === "string" && typeof message === "string" ? [{ field, message }] : [];
  });
}

function refusal(error: ApiError): ActionResult<never> {
  return {
    ok: false,
    status: error.status,
    message: error.detail,
    fieldErrors: fieldErrorsOf(error),
  };
}

/**
 * Runs a service call for a server action. An ApiError (403, 404, 412, validation…) becomes a result
 * the page shows, as do arguments a schema refuses (400: actions are public endpoints, callable with
 * anything) and the database out of reach (503, as the API says it); anything else is logged and
 * reported without its internals.
 */
export async function toActionResult<T>(
  work: () => Promise<T>,
  log: Logger = logger(),
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof ApiError) return refusal(error);
    if (error instanceof ZodError) return refusal(validationError(error));
    // Next signals redirect()/notFound() by throwing; those must keep travelling.
    if (error instanceof Error && "digest" in error) throw error;
    const unavailability = databaseUnavailability(error);
    if (unavailability) {
      log.error({ err: error }, "server action: database unavailable");
      return refusal(unavailable(unavailability));
    }
    log.error({ err: error }, "server action failed");
    return {
      ok: false,
      status: 500,
      message: "Something went wrong on our side. Please try again.",
      fieldErrors: [],
    };
  }
}

/**
 * The line each server action leaves in the log, as logRequest gives each API request: its name,
 * outcome and duration, under the page request's id and the caller's id once known.
 */
function logOutcome(log: Logger, result: ActionResult<unknown>, started: number): void {
  const status = result.ok ? 200 : result.status;
  const line = { status, durationMs: Math.round((performance.now() - started) * 10) / 10 };
  if (status >= 500) log.error(line, "action failed");
  else if (status >= 400) log.warn(line, "action refused");
  else log.info(line, "action");
}

/**
 * A server action's whole run: its caller (requireActionActor: a session that has ended, or a role
 * without `may`, is a refusal the page shows), the caller's rate limit, then `work`, as
 * toActionResult runs it, and one log line of how it went. `work` gets that line's logger.
 */
export async function asActor<T>(
  options: { action: string; may?: GlobalAction },
  work: (actor: Actor, log: Logger) => Promise<T>,
): Promise<ActionResult<T>> {
  const started = performance.now();
  const requestId = resolveRequestId((await headers()).get(REQUEST_ID_HEADER));
  const log = logger().child({ requestId, action: options.action });
  const result = await toActionResult(async () => {
    const actor = await requireActionActor(options);
    log.setBindings({ userId: actor.id });
    await enforceActionRateLimit(actor, log);
    return work(actor, log);
  }, log);
  logOutcome(log, result, started);
  return result;
}
