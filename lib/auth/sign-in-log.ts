import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";

/**
 * The log of the next-auth request being served, bound to its request id. next-auth hands
 * authorize() the headers the client sent, not the request's id when the client sent none, so
 * the route runs next-auth inside this and authorize() logs the sign-in under the same id.
 */
export const signInLog = new AsyncLocalStorage<Logger>();
