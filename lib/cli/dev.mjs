// `npm run dev`: Next.js's development server on the PORT (and HOST) of the env files. `next dev`
// loads .env.local for the app but takes its port from the shell alone, so a PORT written there
// was ignored; it is read here first, as `npm start` and `npm run demo` read it (set variables win).
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const { loadEnvConfig } = (await import("@next/env")).default;
loadEnvConfig(root, true);

const port = process.env.PORT || "3000";
if (!/^\d+$/.test(port) || Number(port) > 65535) {
  console.error(`PORT must be a port number, not "${port}".`);
  process.exit(1);
}
const hostArgs = process.env.HOST ? ["--hostname", process.env.HOST] : [];
const nextCli = path.join(root, "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [nextCli, "dev", "--port", port, ...hostArgs], {
  cwd: root,
  stdio: "inherit",
});
// Ctrl+C reaches both through the terminal; a service manager's or a script's signal only this one.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
