import path from "node:path";
import { drizzle } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";
import mysql from "mysql2/promise";
import { splitDatabaseUrl } from "./database-url";
import { sessionSettingsSql } from "./session-settings";

const MIGRATIONS_FOLDER = path.resolve(__dirname, "..", "drizzle");
/** How long a second migrator waits for the first to finish before giving up. */
const LOCK_WAIT_SECONDS = 300;

/** Creates the database when missing, then applies every pending migration under drizzle/. */
export async function migrateDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  const server = await mysql.createConnection({ uri: serverUrl, connectTimeout: 5000 });
  try {
    await server.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await server.end();
  }
  const connection = await mysql.createConnection({
    uri: url,
    timezone: "Z",
    multipleStatements: false,
  });
  try {
    // No statement limit: a migration may rebuild a large table.
    await connection.query(sessionSettingsSql());
    // Two migrators at once (two hosts deploying) would both apply the same migration: the second
    // waits on a named lock, then finds nothing left to do.
    const lock = `etums_migrate_${database}`;
    const [[held]] = (await connection.query("SELECT GET_LOCK(?, ?) AS ok", [
      lock,
      LOCK_WAIT_SECONDS,
    ])) as unknown as [{ ok: number | null }[]];
    if (held?.ok !== 1) throw new Error(`Another migration of ${database} is still running.`);
    try {
      await migrate(drizzle(connection), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await connection.query("SELECT RELEASE_LOCK(?)", [lock]);
    }
  } finally {
    await connection.end();
  }
}

/** Drops and recreates the database: tests only, never the demo one. */
export async function resetDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitDatabaseUrl(url);
  if (!/test|bench|e2e/.test(database)) {
    throw new Error(
      `Refusing to reset "${database}": only test, e2e and bench databases may be reset`,
    );
  }
  const server = await mysql.createConnection({ uri: serverUrl });
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await server.end();
  }
  await migrateDatabase(url);
}
