// What the benchmarks read about the servers they measure, from /proc and ss (Linux).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { processTree, statFields } from "../helpers/processes";

/** The pid listening on `port`: under `npm start`, the cluster primary, whose children serve. */
export function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`no process listens on ${port}`);
  return Number(match[1]);
}

/** CPU time (user + system) a process has used, in ms: less sensitive than wall time to a busy host. */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 : 0;
}

/** CPU time of `pid` and the processes below it, in ms. */
export function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + cpuMs(p), 0);
}

/** Resident memory of `pid` and the processes below it, in MB. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process exited between the listing and the read
    }
  }
  return kb / 1024;
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
