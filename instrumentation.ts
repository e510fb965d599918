import type { Instrumentation } from "next";

// The server's own code (lib/server-startup.ts) is imported under the runtime test, which the
// build folds away in the Edge bundle (middleware's): it needs Node's fs, process and database.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await (await import("@/lib/server-startup")).startServerProcess();
  }
}

/** Failures of pages and server actions; the middleware's have no file log to go to. */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await (await import("@/lib/server-startup")).logRequestError(...args);
  }
};
