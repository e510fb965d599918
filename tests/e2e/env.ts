/** The e2e server: its own port and database, so a test never talks to someone else's server. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/etums_e2e";
/** The e2e server's log, relative to the repository's root. */
export const E2E_LOG_FILE = "logs/e2e.log";
/** The e2e server's TIME_ZONE: not UTC, so that times shown in UTC by mistake are caught. */
export const E2E_TIME_ZONE = "Asia/Tokyo";
