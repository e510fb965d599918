import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** The two calls @upstash/ratelimit makes on a single-region limiter, and nothing else. */
export type ScriptRunner = {
  evalsha<T>(sha: string, keys: string[], args: unknown[]): Promise<T>;
  eval<T>(script: string, keys: string[], args: unknown[]): Promise<T>;
};

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Open-source Redis rejects Upstash's "#!lua flags=…" shebang; the scripts run fine without it. */
export function stripShebang(script: string): string {
  return script.startsWith("#!") ? script.slice(script.indexOf("\n") + 1) : script;
}

/**
 * Lets @upstash/ratelimit run on a local Redis through ioredis. The library calls evalsha with the
 * SHA of its original script; we remember which stripped script that SHA stands for.
 */
export function ioredisScriptRunner(redis: Redis): ScriptRunner {
  const strippedSha = new Map<string, string>();
  const toArgs = (args: unknown[]) => args.map((a) => String(a));
  return {
    async evalsha<T>(sha: string, keys: string[], args: unknown[]): Promise<T> {
      const mapped = strippedSha.get(sha);
      // NOSCRIPT makes the library fall back to eval() with the script text.
      if (!mapped) throw new Error("NOSCRIPT script not yet loaded through this adapter");
      return (await redis.evalsha(mapped, keys.length, ...keys, ...toArgs(args))) as T;
    },
    async eval<T>(script: string, keys: string[], args: unknown[]): Promise<T> {
      const stripped = stripShebang(script);
      const result = (await redis.eval(stripped, keys.length, ...keys, ...toArgs(args))) as T;
      strippedSha.set(sha1(script), sha1(stripped));
      return result;
    },
  };
}
