// The log of the /api requests that `npm start` answers before Next.js sees them: the same file,
// line shape and messages as the app's request lines (lib/logger.ts, lib/http/api-route.ts).
import fs from "node:fs";
import path from "node:path";
import pino from "pino";

/**
 * Read after Next.js has loaded .env files, as lib/config.ts reads them. `reopen` starts a new file
 * at LOG_FILE, as the app's logger does on SIGHUP (logrotate's postrotate).
 */
export function createRefusalLogger(env = process.env) {
  const file = path.resolve(process.cwd(), env.LOG_FILE || "logs/app.log");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const destination = pino.destination({ dest: file, append: true, sync: false });
  const streams = [{ stream: destination }];
  if (env.LOG_STDOUT !== "0") streams.push({ stream: process.stdout });
  const logger = pino(
    {
      level: env.LOG_LEVEL || "info",
      base: { service: "etums" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(streams),
  );
  return { logger, reopen: () => destination.reopen() };
}
