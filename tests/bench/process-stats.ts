// What the benchmarks read about the servers they measure, from /proc and ss (Linux).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The pid listening on `port` (next start serves from a child process of the CLI). */
export function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`no process listens on ${port}`);
  return Number(match[1]);
}

/** CPU time (user + system) a process has used, in ms: less sensitive than wall time to a busy host. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function databasePid(): number | null {
  try {
    return Number(
      execFileSync("pidof", ["mariadbd", "mysqld"], { encoding: "utf8" }).split(" ")[0],
    );
  } catch {
    return null;
  }
}
