// Run by the e2e webServer command before the server starts (Playwright starts web servers before
// any global setup): a fresh e2e database with the demo data.
import { closeDb, db } from "../../db/client";
import { resetDatabase } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must name the e2e database");
  await resetDatabase(url);
  await seedDemoData(db());
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
