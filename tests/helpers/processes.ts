// Linux process listings from /proc, for tests and benchmarks that watch servers they started.
import { readFileSync, readdirSync } from "node:fs";

/** The fields of /proc/PID/stat after the command name (field 3, the state, comes first). */
export function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return null;
  }
}

function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry))?.[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(Number(entry));
  }
  return children;
}

/** The pids whose parent is `pid`. */
export function childPids(pid: number): number[] {
  return childrenByParent().get(pid) ?? [];
}

/** `pid` and every process below it: a cluster's primary owns the socket, its workers serve. */
export function processTree(pid: number): number[] {
  const children = childrenByParent();
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}
