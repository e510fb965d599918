// What the benchmarks read about the servers they measure, from /proc and ss (Linux).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

/** The pid listening on `port`: under `npm start`, the cluster primary, whose children serve. */
export function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`no process listens on ${port}`);
  return Number(match[1]);
}

/** The fields of /proc/PID/stat after the command name (field 3, the state, comes first). */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return null;
  }
}

/** `pid` and every process below it: a cluster's primary owns the socket, its workers serve. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry))?.[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(Number(entry));
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
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
