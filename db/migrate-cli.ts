import "@/lib/cli/env-files";
import { config } from "@/lib/config";
import { migrateDatabase } from "./migrate";
import { describeCommandFailure } from "./connection-error";

async function main(): Promise<void> {
  const url = config().DATABASE_URL;
  await migrateDatabase(url);
  console.log(`Database ready: ${new URL(url).pathname.slice(1)} is migrated.`);
}

// A bad setting or an unreachable server reads as one message, not a stack trace.
main().catch((error: unknown) => {
  console.error(describeCommandFailure(error));
  process.exit(1);
});
