/**
 * Every session on UTC: DATETIME defaults (CURRENT_TIMESTAMP) are written in the session's zone
 * and read back as UTC (mysql2's `timezone: "Z"`), so a server whose own zone is not UTC would
 * shift every stored time by its offset.
 */
export const UTC_SESSION_SQL = "SET time_zone = '+00:00'";
