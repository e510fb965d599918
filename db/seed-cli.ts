import "@/lib/cli/env-files";
import { closeDb, db } from "./client";
import { describeCommandFailure } from "./connection-error";
import { DEMO_USERS } from "./demo-data";
import { NOT_A_DEMO_DATABASE, seedDemoData } from "./seed";

function printLogins(): void {
  console.log("Demo logins (role, email, password):");
  for (const u of DEMO_USERS)
    console.log(`  ${u.role.padEnd(8)}  ${u.email.padEnd(28)}  ${u.password}`);
}

async function main(): Promise<void> {
  if (process.argv.includes("--logins-only")) {
    printLogins();
    return;
  }
  try {
    const { usersCreated, tasksCreated } = await seedDemoData(db());
    console.log(
      `Seed: ${usersCreated} users and ${tasksCreated} tasks created (existing rows kept).`,
    );
    // `npm run demo` prints them last, right before the server starts.
    if (!process.argv.includes("--without-logins")) printLogins();
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  const refused = error instanceof Error && error.message === NOT_A_DEMO_DATABASE;
  console.error(refused ? NOT_A_DEMO_DATABASE : describeCommandFailure(error));
  process.exit(1);
});
