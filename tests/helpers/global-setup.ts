import { resetDatabase } from "@/db/migrate";

/** Once per run: a fresh, migrated test database (never the demo one). */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/etums_test";
  await resetDatabase(url);
}
