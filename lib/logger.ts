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
  // background (a blocking write per line stalled every request), and pino flushes them on exit.
  const logFile = new LogFile(file, process.env.NODE_ENV === "test");
  globalForLogger.etumsLogFile = logFile;
  const streams = pino.multistream([
    { stream: logFile, level: "trace" },
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

type Destination = ReturnType<typeof pino.destination>;

/**
 * The log file, one stream for the logger's whole life: reopen() starts a new file at the same
 * path (after logrotate moved the old one away), so every logger made before, a request's
 * included, writes its next line there; the old file is closed once its queued lines are out.
 */
class LogFile {
  private current: Destination;

  constructor(
    private readonly file: string,
    private readonly sync: boolean,
  ) {
    this.current = this.open();
  }

  /** A descriptor opened here, so that even an exit in the first tick has somewhere to go. */
  private open(): Destination {
    return pino.destination({ dest: fs.openSync(this.file, "a"), sync: this.sync });
  }

  write(line: string): boolean {
    return this.current.write(line);
  }

  reopen(): void {
    const old = this.current;
    this.current = this.open();
    old.end();
  }
}

const globalForLogger = globalThis as unknown as {
  etumsLogger?: Logger;
  etumsLogFile?: LogFile;
  etumsReopenLog?: () => void;
};

/**
 * Starts a new file at LOG_FILE for the next line: `npm start` calls it on SIGHUP (through
 * globalThis, since Next bundles this module more than once).
 */
function reopenLogFile(): void {
  globalForLogger.etumsLogFile?.reopen();
}

export function logger(): Logger {
  globalForLogger.etumsReopenLog ??= reopenLogFile;
  globalForLogger.etumsLogger ??= createLogger();
  return globalForLogger.etumsLogger;
}
