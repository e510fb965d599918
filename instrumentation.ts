/** Runs once when the server starts: a production server without its secrets stops here, saying which. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/config");
  try {
    config();
  } catch (error) {
    console.error(`ETUMS cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
