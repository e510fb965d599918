/**
 * Runs once when the server starts: a production server without its secrets stops here, saying
 * which; uploads that a stopped server left spooled on disk are removed.
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
  const { removeStaleSpools } = await import("@/lib/http/spooled-upload");
  void removeStaleSpools().catch(() => undefined);
}
