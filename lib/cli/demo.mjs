// `npm run demo`: install when needed, make sure a database answers (starting a private MariaDB
// under .data/ when one is installed but not running), migrate, seed, build (unless the build is
// current) and start on PORT.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildUnlessCurrent } from "./build-stamp.mjs";
import { demoEnvironment } from "./demo-env.mjs";
import { ensureDependencies, step } from "./ensure-deps.mjs";
import { answers, startPrivateMariaDb } from "./private-mariadb.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
process.chdir(root);
ensureDependencies(root);
// .env.local and friends, as `npm start` and the database commands read them (set variables win).
const { loadEnvConfig } = (await import("@next/env")).default;
loadEnvConfig(root, false);

/** Secrets for this machine's demo, made once and kept in .data/ (git-ignored), never committed. */
function demoSecrets() {
  const file = path.join(root, ".data", "demo-secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

const { env, notice } = demoEnvironment(process.env, demoSecrets());
if (notice) console.log(notice);
const port = env.PORT;
const databaseUrl = env.DATABASE_URL;

const dbUrl = new URL(databaseUrl);
const dbPort = Number(dbUrl.port || 3306);
if (!(await answers(dbUrl.hostname, dbPort))) {
  const local = ["127.0.0.1", "localhost"].includes(dbUrl.hostname);
  const privateServer = local ? await startPrivateMariaDb(path.join(root, ".data"), dbPort) : null;
  if (privateServer !== "started") {
    console.error(`No MySQL/MariaDB answers at ${dbUrl.hostname}:${dbPort} (DATABASE_URL).`);
    // When one is installed, its own log says why the private one did not start (printed above).
    if (privateServer !== "failed") {
      console.error(
        "Install and start one (Debian/Ubuntu: sudo apt-get install -y mariadb-server && sudo service mariadb start),\n" +
          "or point DATABASE_URL at a reachable server, e.g. DATABASE_URL=mysql://user:pass@host:3306/etums npm run demo",
      );
    }
    process.exit(1);
  }
}

await step("Migrate the database", "npm", ["run", "--silent", "db:migrate"], { env });
await step("Seed the demo data", "npm", ["run", "--silent", "db:seed", "--", "--without-logins"], {
  env,
});
await buildUnlessCurrent(root, env);
await step("Demo logins", "npm", ["run", "--silent", "db:seed", "--", "--logins-only"], { env });
console.log(
  `\nETUMS is starting on http://127.0.0.1:${port}: sign in with a login above. API docs: /api/docs/\n`,
);
const server = spawn(process.execPath, [path.join(root, "lib", "cli", "start.mjs")], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production", HOST: process.env.HOST ?? "127.0.0.1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
