import fs from "node:fs";
import path from "node:path";
import pino, { type Logger } from "pino";
import { config } from "@/lib/config";

/** Field names whose values never reach a log line, at the top level or one/two levels down. */
const SECRET_FIELDS = [
  "password",
  "newPassword",
  "new_password",
  "passwordHash",
  "password_hash",
  "token",
  "access",
  "refresh",
  "accessToken",
  "refreshToken",
  "authorization",
  "cookie",
  "set-cookie",
];

export const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [`["${f}"]`, `*["${f}"]`, `*.*["${f}"]`]);

function createLogger(): Logger {
  const { LOG_FILE, LOG_LEVEL } = config();
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), LOG_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const streams = pino.multistream([
    { stream: pino.destination({ dest: file, sync: true, mkdir: true }), level: "trace" },
    // Tests keep their output readable; servers and scripts also log to stdout.
    ...(process.env.NODE_ENV === "test"
      ? []
      : [{ stream: process.stdout, level: "trace" as const }]),
  ]);
  return pino(
    {
      level: LOG_LEVEL,
      base: { service: "etums" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    streams,
  );
}

const globalForLogger = globalThis as unknown as { etumsLogger?: Logger };

export function logger(): Logger {
  globalForLogger.etumsLogger ??= createLogger();
  return globalForLogger.etumsLogger;
}
