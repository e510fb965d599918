import type { Logger } from "pino";
import type { Actor } from "@/lib/auth/actor";

/** Placeholder gate until the shared limiter lands (issue 3). */
export async function enforceRateLimit(
  _request: Request,
  _actor: Actor | null,
  _log: Logger,
): Promise<void> {}

/** Placeholder: the per-IP sign-in throttle lands with the shared limiter (issue 3). */
export async function enforceLoginThrottle(_ip: string, _log: Logger): Promise<void> {}
