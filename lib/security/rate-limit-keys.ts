/** Deployments sharing one Redis keep apart by database name; instances of one deployment share. */
export function rateLimitKeyPrefix(databaseUrl: string): string {
  const database = new URL(databaseUrl).pathname.replace(/^\//, "") || "etums";
  return `etums:rl:${database}`;
}
