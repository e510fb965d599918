import type { ActionResult, FormFieldError } from "@/lib/actions/result";

export const SERVER_UNREACHABLE =
  "The server could not be reached or failed; nothing was saved. Try again.";

/** Window events: an action was refused because the session has ended; one went through. */
export const SESSION_ENDED_EVENT = "etums:session-ended";
export const SESSION_OK_EVENT = "etums:session-ok";

/**
 * Calls a server action from the browser. A request that fails (offline, a 5xx, a dropped
 * connection) rejects, which would leave an optimistic change on screen or replace the page with
 * the error boundary; it becomes a refusal in words instead. Next's redirects keep travelling.
 * A refusal for a session that has ended (401) also raises the page's notice (SessionEndedNotice).
 */
export async function callAction<T>(
  action: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    const result = await action();
    window.dispatchEvent(
      new Event(!result.ok && result.status === 401 ? SESSION_ENDED_EVENT : SESSION_OK_EVENT),
    );
    return result;
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_")) throw error;
    return { ok: false, status: 0, message: SERVER_UNREACHABLE, fieldErrors: [] };
  }
}

/**
 * What a form says when the server refused: "Some fields need correcting; each says why." when
 * one it `shows` carries an error (the API's "Validation failed." says less; and the words must
 * hold wherever the form puts them, above its fields or by a dialog's buttons); else the first
 * field error it has no place for, or the server's own words.
 */
export function formRefusalMessage(
  result: { message: string; fieldErrors: FormFieldError[] },
  shows: readonly string[],
): string {
  if (result.fieldErrors.some(({ field }) => shows.includes(field))) {
    return "Some fields need correcting; each says why.";
  }
  return result.fieldErrors[0]?.message ?? result.message;
}
