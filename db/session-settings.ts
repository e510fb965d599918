/**
 * What every session of the app sets first.
 *
 * UTC: DATETIME defaults (CURRENT_TIMESTAMP) are written in the session's zone and read back as
 * UTC (mysql2's `timezone: "Z"`), so a server whose own zone is not UTC would shift every stored
 * time by its offset.
 *
 * With a statement limit, MariaDB aborts a statement that runs past it (max_statement_time, in a
 * comment only MariaDB executes: MySQL has no such setting for writes). A client that gives up
 * waiting cannot stop the statement on the server; without this it would run on, holding locks
 * and a session, while the pool opened another.
 */
export function sessionSettingsSql(statementLimitMs?: number): string {
  const utc = "SET time_zone = '+00:00'";
  if (statementLimitMs === undefined) return utc;
  return `${utc} /*M!, max_statement_time = ${(statementLimitMs / 1000).toFixed(3)} */`;
}
