import "@/lib/cli/env-files";
import { config } from "@/lib/config";
import { migrateDatabase } from "./migrate";
import { describeConnectionError } from "./connection-error";

const url = config().DATABASE_URL;
migrateDatabase(url)
  .then(() => console.log(`Database ready: ${new URL(url).pathname.slice(1)} is migrated.`))
  .catch((error: unknown) => {
    console.error(describeConnectionError(error, url));
    process.exit(1);
  });
