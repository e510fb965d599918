import "@/lib/cli/env-files";
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { describeCommandFailure } from "@/db/connection-error";
import { unlockAccount } from "@/lib/services/account-unlock";

const USAGE = "Usage: npm run user:unlock -- --email E";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.email) {
    console.error(`Error: --email is required.\n${USAGE}`);
    return 1;
  }
  const outcome = await unlockAccount(values.email);
  if (!outcome) {
    console.error(`Error: no account has the email ${values.email}.`);
    return 1;
  }
  console.log(
    outcome.wasLocked
      ? `Unlocked ${outcome.email} (id ${outcome.id}): it can sign in again.`
      : `${outcome.email} (id ${outcome.id}) was not locked; its failed sign-ins are cleared.`,
  );
  return 0;
}

main()
  .catch((error: unknown) => {
    console.error(describeCommandFailure(error));
    return 1;
  })
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  });
