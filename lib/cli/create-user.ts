import "@/lib/cli/env-files";
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { describeCommandFailure } from "@/db/connection-error";
import { ApiError, type FieldError } from "@/lib/http/errors";
import { createUser } from "@/lib/services/users";
import { createUserSchema } from "@/lib/validation/users";
import { prompt } from "./prompt";

const USAGE =
  'Usage: npm run user:create -- --email E [--password P | --password-stdin] --role ADMIN|MANAGER|EMPLOYEE --name "Full Name"';

/**
 * The password as a script hands it over, on standard input's first line: unlike --password, it
 * never shows in the process list or the shell's history.
 */
async function passwordFromStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/, 1)[0] ?? "";
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      role: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const interactive = Boolean(process.stdin.isTTY);
  const ask = async (current: string | undefined, question: string, hidden = false) =>
    current ?? (interactive ? prompt(question, { hidden }) : undefined);

  const email = await ask(values.email, "Email: ");
  const name = await ask(values.name, "Full name: ");
  const role =
    (await ask(values.role, "Role (ADMIN, MANAGER, EMPLOYEE) [EMPLOYEE]: ")) || "EMPLOYEE";
  let password = values["password-stdin"] ? await passwordFromStdin() : values.password;
  if (password === undefined && interactive) {
    password = await prompt("Password: ", { hidden: true });
    if ((await prompt("Password (again): ", { hidden: true })) !== password) {
      console.error("Error: the passwords do not match.");
      return 1;
    }
  }

  const parsed = createUserSchema.safeParse({
    email,
    full_name: name,
    role: role.toUpperCase(),
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      console.error(`Error: ${issue.path.join(".") || "input"}: ${issue.message}`);
    }
    console.error(USAGE);
    return 1;
  }
  const user = await createUser(null, parsed.data);
  console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  return 0;
}

/** A refusal as the schema's are printed: each field at fault by name, else the detail. */
function describeRefusal(error: ApiError): string {
  const errors = error.extra.errors as FieldError[] | undefined;
  if (!errors?.length) return `Error: ${error.detail}`;
  return errors.map(({ field, message }) => `Error: ${field}: ${message}`).join("\n");
}

main()
  .catch((error: unknown) => {
    console.error(
      error instanceof ApiError ? describeRefusal(error) : describeCommandFailure(error),
    );
    return 1;
  })
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  });
