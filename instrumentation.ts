/**
 * Runs once when the server starts: a production server without its secrets, or against a database
 * that lacks some of its migrations, stops here, saying why; uploads that a stopped server left
 * spooled on disk are removed.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/config");
  try {
    config();
  } catch (error) {
    console.error(`ETUMS cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { pendingMigrations } = await import("@/lib/services/schema-version");
  // A database out of reach is not judged here: the server starts and /api/health/ says so.
  const pending = await pendingMigrations().catch(() => 0);
  if (pending > 0) {
    console.error(
      `ETUMS cannot start: the database lacks ${pending} of this version's migrations; run npm run db:migrate first.`,
    );
    process.exit(1);
  }
  const { removeStaleSpools } = await import("@/lib/http/spooled-upload");
  void removeStaleSpools().catch(() => undefined);
}
