import fs from "node:fs";
import path from "node:path";
import pino, { type Logger } from "pino";
import { config } from "@/lib/config";
import { redactSecrets, withoutQueryValues } from "@/lib/log-redaction";

/** Tests keep their output readable; servers and scripts also log to stdout unless LOG_STDOUT=0. */
function logsToStdout(): boolean {
  return process.env.NODE_ENV !== "test" && config().LOG_STDOUT;
}

function createLogger(): Logger {
  const { LOG_FILE, LOG_LEVEL } = config();
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), LOG_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Tests read the file right after a request, so they write synchronously; servers write in the
  // background (a blocking write per line stalled every request), and pino flushes them on exit —
  // to a descriptor opened here, so that even an exit in the first tick has somewhere to go.
  const sync = process.env.NODE_ENV === "test";
  const destination = pino.destination({ dest: fs.openSync(file, "a"), sync });
  globalForLogger.etumsLogDestination = destination;
  const streams = pino.multistream([
    { stream: destination, level: "trace" },
    ...(logsToStdout() ? [{ stream: process.stdout, level: "trace" as const }] : []),
  ]);
  return pino(
    {
      level: LOG_LEVEL,
      base: { service: "etums" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // An error's own fields (a driver's, a library's) are checked once it is a plain object, and
      // a failed query's bound values are dropped.
      serializers: {
        err: (error: Error) => {
          // Something thrown that is not an Error (a string) is logged as it is.
          const serialized: unknown = pino.stdSerializers.err(error);
          if (serialized === null || typeof serialized !== "object") return serialized;
          return redactSecrets(withoutQueryValues(error, serialized as Record<string, unknown>));
        },
      },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: redactSecrets,
        log: redactSecrets,
      },
    },
    streams,
  );
}

const globalForLogger = globalThis as unknown as {
  etumsLogger?: Logger;
  etumsLogDestination?: ReturnType<typeof pino.destination>;
  etumsReopenLog?: () => void;
};

/** Lines that requests under way still send to the old file get this long before it is closed. */
const OLD_FILE_GRACE_MS = 15_000;

/**
 * Starts a new file at LOG_FILE for the next line, after logrotate has moved the old one away:
 * `npm start` calls it on SIGHUP (through globalThis: Next bundles this module more than once).
 */
function reopenLogFile(): void {
  const old = globalForLogger.etumsLogDestination;
  globalForLogger.etumsLogger = undefined;
  globalForLogger.etumsLogDestination = undefined;
  if (old) setTimeout(() => old.end(), OLD_FILE_GRACE_MS).unref();
}

export function logger(): Logger {
  globalForLogger.etumsReopenLog ??= reopenLogFile;
  globalForLogger.etumsLogger ??= createLogger();
  return globalForLogger.etumsLogger;
}
