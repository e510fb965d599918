import { closeDb, db } from "./client";
import { DEMO_USERS } from "./demo-data";
import { seedDemoData } from "./seed";

seedDemoData(db())
  .then(async ({ usersCreated, tasksCreated }) => {
    console.log(
      `Seed: ${usersCreated} users and ${tasksCreated} tasks created (existing rows left as they were).`,
    );
    console.log("\nDemo logins:");
    for (const u of DEMO_USERS)
      console.log(`  ${u.role.padEnd(8)}  ${u.email.padEnd(28)}  ${u.password}`);
    await closeDb();
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await closeDb();
    process.exit(1);
  });
