/** Splits "mysql://user@host:3306/name" into the server URL and the database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(database)) {
    throw new Error(
      `DATABASE_URL must name a database made of letters, digits and "_" (got "${database}")`,
    );
  }
  parsed.pathname = "/";
  return { serverUrl: parsed.toString(), database };
}
