// A private MariaDB for `npm run demo` on a machine where one is installed but not running.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export function answers(host, portNumber) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: portNumber, timeout: 1500 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

function findBinary(names) {
  for (const name of names) {
    for (const dir of ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"]) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const INSTALLERS = ["mariadb-install-db", "mysql_install_db"];

// The system's my.cnf is left out (--no-defaults): Debian's names a `user` that cannot write under
// .data/, and its own data, socket and log paths.
const runAs = process.getuid?.() === 0 ? ["--user=root"] : [];

/** Creates the private data directory, complete or not at all: a failed attempt leaves nothing. */
function initialisePrivateData(dataDir) {
  const installer = findBinary(INSTALLERS);
  if (!installer) return false;
  const staging = `${dataDir}.initialising`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  console.log(`Initialising a private database in ${dataDir}…`);
  const init = spawnSync(
    installer,
    [
      "--no-defaults",
      `--datadir=${staging}`,
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
      ...runAs,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  if (init.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    return false;
  }
  fs.renameSync(staging, dataDir);
  return true;
}

/**
 * Starts a MariaDB (or MySQL) of its own on 127.0.0.1:`portNumber` with its data, socket, pid file
 * and error log in `dir`, creating its data the first time: "started", "not-installed", or
 * "failed" (its data could not be created, or the server did not start; it says where to look).
 */
export async function startPrivateMariaDb(dir, portNumber) {
  const server = findBinary(["mariadbd", "mysqld"]);
  if (!server) return "not-installed";
  const dataDir = path.join(dir, "mysql");
  if (!fs.existsSync(dataDir)) {
    if (!findBinary(INSTALLERS)) return "not-installed";
    if (!initialisePrivateData(dataDir)) return "failed";
  }
  console.log(
    `Starting a private ${path.basename(server)} on 127.0.0.1:${portNumber} (data in ${dir})…`,
  );
  const child = spawn(
    server,
    [
      "--no-defaults",
      `--datadir=${dataDir}`,
      `--socket=${path.join(dir, "mysql.sock")}`,
      `--pid-file=${path.join(dir, "mysql.pid")}`,
      `--log-error=${path.join(dir, "mysql-error.log")}`,
      `--port=${portNumber}`,
      "--bind-address=127.0.0.1",
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_unicode_ci",
      ...runAs,
    ],
    { stdio: "ignore", detached: true },
  );
  child.unref();
  for (let i = 0; i < 60; i += 1) {
    if (await answers("127.0.0.1", portNumber)) {
      console.log(
        "It keeps running after the demo stops, and the next demo uses it again; stop it with\n" +
          `  kill $(cat ${path.join(dir, "mysql.pid")})`,
      );
      return "started";
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // Its data folder may be in use by a private server on another port, for one.
  console.error(`The private database did not start: see ${path.join(dir, "mysql-error.log")}.`);
  return "failed";
}
